using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenData.Web.Data;

namespace OpenData.Web.Infrastructure.Web;

/// <summary>
/// One trivial query on a pooled connection. Not CanConnectAsync: on SQLite it opens a fresh unpooled read-only
/// handle to the file each time, which held /healthz to a few hundred requests a second.
/// </summary>
public sealed class DatabaseHealthCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("数据库不可用", e);
        }
    }
}
