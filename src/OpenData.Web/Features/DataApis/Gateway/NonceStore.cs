using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;

namespace OpenData.Web.Features.DataApis.Gateway;

/// <summary>Remembers signature nonces; shared by every node (the database by default).</summary>
public interface INonceStore
{
    /// <summary>False when the app already used this nonce within its lifetime.</summary>
    Task<bool> TryUseAsync(int appId, string nonce, DateTimeOffset expiresAt, CancellationToken ct);
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
