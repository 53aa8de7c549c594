using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Infrastructure;

namespace OpenData.Web.Features.Admin.Settings;

/// <summary>Settings and agreements as loaded at one stamp.</summary>
public sealed record SettingsSnapshot(string Stamp, IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, AgreementView> Agreements, DateTimeOffset CheckedAt)
{
    public string Get(string key) =>
        Values.TryGetValue(key, out var v) ? v : SettingKeys.Find(key)?.Default ?? "";

    public int GetInt(string key) =>
        int.TryParse(Get(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
            : int.Parse(SettingKeys.Find(key)?.Default ?? "0", CultureInfo.InvariantCulture);

    public bool GetBool(string key) => Get(key) == "true";
    public string SiteName => Get(SettingKeys.SiteName);
    public string Notice => Get(SettingKeys.Notice);
    public int AuditRetentionDays => Math.Max(SettingKeys.MinAuditRetentionDays, GetInt(SettingKeys.AuditRetentionDays));
    public AgreementView Agreement(string kind) => Agreements.TryGetValue(kind, out var a) ? a : AgreementKinds.BuiltIn(kind);
}

/// <summary>
/// Reads site settings and agreements through a per-node memory cache. Every write changes the stamp row;
/// a node re-reads the stamp at most every <see cref="RecheckInterval"/>, so a change made on another node
/// takes effect within seconds, with no restart and no shared in-memory state (ADR 0030).
/// </summary>
public sealed class SiteSettingsStore(Deferred<PortalDbContext> deferredDb, SettingsCache cache, TimeProvider clock)
{
    private PortalDbContext Db => deferredDb.Value; // only when the cached snapshot is rechecked (ADR 0051)

    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(3);

    public async Task<SettingsSnapshot> SnapshotAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var (cached, generation) = cache.Read();
        if (cached is not null)
        {
            if (now - cached.CheckedAt < RecheckInterval) return cached;
            var stamp = await StampAsync(ct);
            if (stamp == cached.Stamp)
            {
                var renewed = cached with { CheckedAt = now };
                cache.Offer(renewed, generation);
                return renewed;
            }
        }
        var fresh = await LoadAsync(now, ct);
        cache.Offer(fresh, generation);
        return fresh;
    }

    /// <summary>Forget this node's copy (after a write here).</summary>
    public void Invalidate() => cache.Invalidate();

    private async Task<string> StampAsync(CancellationToken ct) =>
        await Db.SiteSettings.AsNoTracking().Where(s => s.Key == SettingKeys.Stamp).Select(s => s.Value).FirstOrDefaultAsync(ct) ?? "";

    private async Task<SettingsSnapshot> LoadAsync(DateTimeOffset now, CancellationToken ct)
    {
        var rows = await Db.SiteSettings.AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var published = await Db.Agreements.AsNoTracking().ToListAsync(ct);
        var agreements = new Dictionary<string, AgreementView>();
        foreach (var kind in AgreementKinds.All)
        {
            var latest = published.Where(a => a.Kind == kind).OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).FirstOrDefault();
            agreements[kind] = latest is null ? AgreementKinds.BuiltIn(kind)
                : new AgreementView(kind, latest.Version, latest.Title, SplitClauses(latest.Text), latest.PublishedAt);
        }
        return new SettingsSnapshot(rows.GetValueOrDefault(SettingKeys.Stamp) ?? "", rows, agreements, now);
    }

    public static IReadOnlyList<string> SplitClauses(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
