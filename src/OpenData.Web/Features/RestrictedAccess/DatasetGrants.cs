using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure;

namespace OpenData.Web.Features.RestrictedAccess;

/// <summary>One grant in force: until when, and which fields.</summary>
public sealed record GrantTerm(DateTimeOffset Until, GrantScope Scope);

/// <summary>The grants in force at one load: who (user or named app) may use which dataset's fields until when.</summary>
public sealed record GrantSnapshot(
    IReadOnlyDictionary<(string UserId, int DatasetId), List<GrantTerm>> Users,
    IReadOnlyDictionary<(int AppId, int DatasetId), List<GrantTerm>> Apps,
    DateTimeOffset LoadedAt, long Generation);

/// <summary>
/// The per-node copy of the grants in force, so the gateway's hot path (ADR 0050–0052) checks a grant in memory.
/// Expiry is compared with the clock on every check, so it takes effect at once; a grant or revocation on this
/// node bumps the generation (the next check reloads); other nodes reload within <see cref="Lifetime"/>,
/// the same bound as <see cref="DataApis.Gateway.GatewayCache"/>.
/// </summary>
public sealed class GrantCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);
    private GrantSnapshot? _snapshot;
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public GrantSnapshot? Fresh(DateTimeOffset now) =>
        Volatile.Read(ref _snapshot) is { } s && s.Generation == Generation && now - s.LoadedAt < Lifetime ? s : null;

    public void Offer(GrantSnapshot s)
    {
        if (s.Generation == Generation) Volatile.Write(ref _snapshot, s);
    }

    /// <summary>After a grant is issued or revoked here: the next check on this node reads the database.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);
}

/// <summary>The restricted-access implementation of the one grant check (replaces NoDatasetGrants).</summary>
public sealed class DatasetGrants(GrantCache cache, Deferred<PortalDbContext> db, TimeProvider clock) : IDatasetGrants
{
    public async Task<GrantScope?> UserScopeAsync(string userId, int datasetId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return InForce((await SnapshotAsync(now, ct)).Users.GetValueOrDefault((userId, datasetId)), now);
    }

    public async Task<GrantScope?> AppScopeAsync(int appId, int datasetId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return InForce((await SnapshotAsync(now, ct)).Apps.GetValueOrDefault((appId, datasetId)), now);
    }

    /// <summary>Expiry is compared here, on every check, so a cached grant stops at its end to the second.</summary>
    private static GrantScope? InForce(List<GrantTerm>? terms, DateTimeOffset now) =>
        terms?.Where(t => t.Until > now).Select(t => t.Scope).ToList() is { Count: > 0 } live ? GrantScope.Union(live) : null;

    private async Task<GrantSnapshot> SnapshotAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (cache.Fresh(now) is { } hit) return hit;
        var generation = cache.Generation;
        var rows = await db.Value.RestrictedGrants.AsNoTracking().Where(g => g.RevokedAt == null && g.ExpiresAt > now && g.StartsAt <= now)
            .Select(g => new { g.UserId, g.DatasetId, g.AppIds, g.ExpiresAt, g.Fields }).ToListAsync(ct);
        var users = new Dictionary<(string, int), List<GrantTerm>>();
        var apps = new Dictionary<(int, int), List<GrantTerm>>();
        foreach (var r in rows)
        {
            var term = new GrantTerm(r.ExpiresAt, GrantedFields.Scope(r.Fields));
            Add(users, (r.UserId, r.DatasetId), term);
            foreach (var app in AppIdList.Parse(r.AppIds)) Add(apps, (app, r.DatasetId), term);
        }
        var snapshot = new GrantSnapshot(users, apps, now, generation);
        cache.Offer(snapshot);
        return snapshot;
    }

    private static void Add<TKey>(Dictionary<TKey, List<GrantTerm>> map, TKey key, GrantTerm term) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(term);
    }
}

/// <summary>The comma-separated app ids an application names.</summary>
public static class AppIdList
{
    public static IReadOnlyList<int> Parse(string s) =>
        s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => int.TryParse(x, out var n) ? n : 0).Where(n => n > 0).Distinct().ToList();

    public static string Format(IEnumerable<int> ids) => string.Join(",", ids.Distinct().OrderBy(x => x));
}
