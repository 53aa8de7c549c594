using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Features.DataApis.Apps;
using OpenData.Web.Infrastructure.Auditing;

namespace OpenData.Web.Features.DataApis.Services;

/// <summary>Hosts that department APIs may forward to, one per line, kept as a site setting that administrators edit.</summary>
public sealed class UpstreamAllowList(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string SettingKey = "dataapis.upstreamAllowList";

    public async Task<HashSet<string>> HostsAsync(CancellationToken ct)
    {
        var value = await db.SiteSettings.AsNoTracking().Where(s => s.Key == SettingKey).Select(s => s.Value).FirstOrDefaultAsync(ct) ?? "";
        return Parse(value);
    }

    /// <summary>System administrators (with a second factor) only; every change audited. False when not allowed.</summary>
    public async Task<bool> SaveAsync(System.Security.Claims.ClaimsPrincipal user, IEnumerable<string> hosts, CancellationToken ct)
    {
        if (!SettingsCommands.CanEdit(user)) return false;
        var list = hosts.ToList();
        if (list.Any(h => h.Length > 253 || h.Contains('/') || h.Contains(':') && !h.StartsWith('[')))
            throw new AppValidationException("hosts", "每行填写一个主机名或 IP 地址，不含协议、端口和路径。");
        var before = string.Join(",", (await HostsAsync(ct)).Order(StringComparer.Ordinal));
        await SaveAsync(list, ct);
        var after = string.Join(",", (await HostsAsync(ct)).Order(StringComparer.Ordinal));
        if (before != after) await audit.WriteAsync(DataApiAudit.AllowListChanged, "setting:" + SettingKey, $"{before} → {after}", ct: ct);
        return true;
    }

    private async Task SaveAsync(IEnumerable<string> hosts, CancellationToken ct)
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
