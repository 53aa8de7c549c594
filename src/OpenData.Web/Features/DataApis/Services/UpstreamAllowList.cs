using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.DataApis.Services;

/// <summary>Hosts that department APIs may forward to, one per line, kept as a site setting that administrators edit.</summary>
public sealed class UpstreamAllowList(PortalDbContext db, TimeProvider clock)
{
    public const string SettingKey = "dataapis.upstreamAllowList";

    public async Task<HashSet<string>> HostsAsync(CancellationToken ct)
    {
        var value = await db.SiteSettings.AsNoTracking().Where(s => s.Key == SettingKey).Select(s => s.Value).FirstOrDefaultAsync(ct) ?? "";
        return Parse(value);
    }

    public async Task SaveAsync(IEnumerable<string> hosts, CancellationToken ct)
    {
        var value = string.Join('\n', Parse(string.Join('\n', hosts)).Order(StringComparer.Ordinal));
        var row = await db.SiteSettings.FirstOrDefaultAsync(s => s.Key == SettingKey, ct);
        if (row is null) db.SiteSettings.Add(row = new SiteSetting { Key = SettingKey });
        row.Value = value;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    private static HashSet<string> Parse(string value) =>
        value.Split(['\n', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.ToLowerInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
