using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Infrastructure;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.DataApis.Gateway;

/// <summary>
/// Calls per grant per China day, never more than the quota across all nodes. One atomic upsert per call put
/// every call of a busy grant on the same row (the benchmark's hot spot), so a node reserves a block of calls
/// at once — 1 % of the quota, at most <see cref="MaxBlock"/>, and single calls for quotas under 200 — with an upsert that never
/// passes the quota, and hands them out from memory. The price: calls a node reserved but did not use before
/// a restart, a quota change or the end of the day count as used (at most one block per node), so a grant can
/// be refused up to 1 % early, never late; X-Quota-Remaining is exact to within a block.
/// </summary>
public sealed class DailyQuota(Deferred<PortalDbContext> deferredDb, QuotaLeases leases, TimeProvider clock)
{
    private PortalDbContext Db => deferredDb.Value; // only when a new block is reserved (ADR 0051)

    /// <summary>
    /// At most 1 % of the quota per block; up to 1,000 calls for quotas of 100,000 and more, so a busy grant writes
    /// once per thousand calls (the reserve was still a twentieth of the gateway's CPU at one write per hundred).
    /// </summary>
    public const int MaxBlock = 1000;

    /// <summary>The count after this call, or null when the quota is used up.</summary>
    public async Task<int?> TryCountAsync(int applicationId, int quota, CancellationToken ct)
    {
        if (quota <= 0) return null;
        var day = int.Parse(ChinaTime.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (leases.TryTake(applicationId, day, quota, out var used)) return used;
        var block = quota >= 200 ? Math.Min(MaxBlock, quota / 100) : 1;
        if (block > 1 && await ReserveAsync(applicationId, day, block, quota, ct) is { } after)
        {
            leases.Set(applicationId, day, quota, after, block - 1);
            return after - block + 1;
        }
        return await ReserveAsync(applicationId, day, 1, quota, ct);
    }

    /// <summary>Adds <paramref name="n"/> calls unless that would pass the quota; the count after, or null.</summary>
    private async Task<int?> ReserveAsync(int applicationId, int day, int n, int quota, CancellationToken ct)
    {
        var rows = await Db.Database.SqlQueryRaw<int>(
            "INSERT INTO \"ApiDailyUsages\" (\"ApplicationId\", \"Day\", \"Count\") VALUES ({0}, {1}, {3}) " +
            "ON CONFLICT (\"ApplicationId\", \"Day\") DO UPDATE SET \"Count\" = \"ApiDailyUsages\".\"Count\" + {3} " +
            "WHERE \"ApiDailyUsages\".\"Count\" + {3} <= {2} RETURNING \"Count\" AS \"Value\"",
            applicationId, day, quota, n).ToListAsync(ct);
        return rows.Count == 1 && rows[0] <= quota ? rows[0] : null;
    }
}

/// <summary>This node's unused reserved calls per grant (see <see cref="DailyQuota"/>).</summary>
public sealed class QuotaLeases
{
    private sealed class Lease(int day, int quota, int countAfter, int left)
    {
        public int Day { get; } = day;
        public int Quota { get; } = quota;
        public int CountAfter { get; } = countAfter;
        public int Left { get; set; } = left;
    }

    private readonly ConcurrentDictionary<int, Lease> _leases = new();

    public bool TryTake(int applicationId, int day, int quota, out int used)
    {
        used = 0;
        if (!_leases.TryGetValue(applicationId, out var l)) return false;
        lock (l)
        {
            if (l.Day != day || l.Quota != quota || l.Left <= 0) return false;
            l.Left--;
            used = l.CountAfter - l.Left;
            return true;
        }
    }

    /// <summary>A new block (replacing an older one, whose rest then counts as used).</summary>
    public void Set(int applicationId, int day, int quota, int countAfter, int left) =>
        _leases[applicationId] = new Lease(day, quota, countAfter, left);
}
