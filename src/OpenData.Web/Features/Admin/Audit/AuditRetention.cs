using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Infrastructure.Auditing;

namespace OpenData.Web.Features.Admin.Audit;

/// <summary>
/// Deletes audit entries older than the retention setting (at least 180 days) — the only removal there is.
/// A set-based delete with a cutoff, so it never passes the append-only guard on tracked entries.
/// </summary>
public sealed class AuditRetention(PortalDbContext db, SiteSettingsStore settings, AuditLog audit, TimeProvider clock)
{
    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var days = (await settings.SnapshotAsync(ct)).AuditRetentionDays;
        var cutoff = clock.GetUtcNow().AddDays(-days);
        var removed = await db.AuditEntries.Where(a => a.At < cutoff).ExecuteDeleteAsync(ct);
        if (removed > 0)
            await audit.WriteAsync(AuditActions.AuditPurged, "audit", $"按保留期 {days} 天清理 {removed} 条", actorName: "system", ct: ct);
        return removed;
    }
}

/// <summary>Runs the purge a few minutes after start and then twice a day.</summary>
public sealed class AuditRetentionWorker(IServiceScopeFactory scopes, ILogger<AuditRetentionWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(5), stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromHours(12));
            do
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<AuditRetention>().PurgeAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Audit retention purge failed; will retry");
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) { }
    }
}
