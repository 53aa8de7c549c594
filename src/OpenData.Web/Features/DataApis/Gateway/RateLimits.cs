using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.DataApis.Gateway;

/// <summary>
/// Requests per second per app: a token bucket in this node's memory (burst = one second's worth).
/// With several nodes each enforces the limit on its share; Redis would make it global (ADR 0050).
/// </summary>
public sealed class AppRateLimiter(TimeProvider clock)
{
    private sealed class Bucket { public double Tokens; public long Stamp; }
    private readonly ConcurrentDictionary<int, Bucket> _buckets = new();

    public (bool Allowed, int Remaining, double RetryAfterSeconds) TryTake(int appId, int perSecond)
    {
        var now = clock.GetTimestamp();
        var b = _buckets.GetOrAdd(appId, _ => new Bucket { Tokens = perSecond, Stamp = now });
        lock (b)
        {
            var elapsed = clock.GetElapsedTime(b.Stamp, now).TotalSeconds;
            b.Tokens = Math.Min(perSecond, b.Tokens + elapsed * perSecond);
            b.Stamp = now;
            if (b.Tokens < 1) return (false, 0, (1 - b.Tokens) / perSecond);
            b.Tokens -= 1;
            return (true, (int)b.Tokens, 0);
        }
    }
}

/// <summary>Calls per grant per China day: one atomic upsert that only counts while under the quota.</summary>
public sealed class DailyQuota(PortalDbContext db, TimeProvider clock)
{
    /// <summary>The count after this call, or null when the quota is used up.</summary>
    public async Task<int?> TryCountAsync(int applicationId, int quota, CancellationToken ct)
    {
        var day = int.Parse(ChinaTime.Today(clock).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        var rows = await db.Database.SqlQueryRaw<int>(
            "INSERT INTO \"ApiDailyUsages\" (\"ApplicationId\", \"Day\", \"Count\") VALUES ({0}, {1}, 1) " +
            "ON CONFLICT (\"ApplicationId\", \"Day\") DO UPDATE SET \"Count\" = \"ApiDailyUsages\".\"Count\" + 1 " +
            "WHERE \"ApiDailyUsages\".\"Count\" < {2} RETURNING \"Count\" AS \"Value\"",
            applicationId, day, quota).ToListAsync(ct);
        return rows.Count == 1 && rows[0] <= quota ? rows[0] : null;
    }
}
