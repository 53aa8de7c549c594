using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;

namespace OpenData.Web.Features.DataApis.Gateway;

/// <summary>Remembers signature nonces; shared by every node (the database by default).</summary>
public interface INonceStore
{
    /// <summary>False when the app already used this nonce within its lifetime.</summary>
    Task<bool> TryUseAsync(int appId, string nonce, DateTimeOffset expiresAt, CancellationToken ct);
}

/// <summary>
/// One INSERT … ON CONFLICT DO NOTHING on the (app, nonce) key: the database decides atomically, so two
/// nodes racing with the same nonce cannot both win. SQLite stores times as UTC ticks (ADR 0003).
/// </summary>
public sealed class DbNonceStore(PortalDbContext db) : INonceStore
{
    public async Task<bool> TryUseAsync(int appId, string nonce, DateTimeOffset expiresAt, CancellationToken ct)
    {
        object expires = db.Database.IsSqlite() ? expiresAt.UtcTicks : expiresAt;
        var n = await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"ApiNonces\" (\"AppId\", \"Nonce\", \"ExpiresAt\") VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING",
            [appId, nonce, expires], ct);
        return n == 1;
    }
}

/// <summary>Deletes expired nonces now and then; the unique key stays small.</summary>
public sealed class NonceCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NonceCleanup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var now = clock.GetUtcNow();
                await db.ApiNonces.Where(n => n.ExpiresAt < now).ExecuteDeleteAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Nonce cleanup failed"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
