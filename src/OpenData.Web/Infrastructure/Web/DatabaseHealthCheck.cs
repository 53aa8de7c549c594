using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenData.Web.Data;

namespace OpenData.Web.Infrastructure.Web;

public sealed class DatabaseHealthCheck(PortalDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("数据库不可用");
}
