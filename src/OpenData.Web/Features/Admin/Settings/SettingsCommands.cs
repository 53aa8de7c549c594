using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.Web.Features.Admin.Settings;

/// <summary>Changes settings and publishes agreement versions: system administrators only, every change audited.</summary>
public sealed class SettingsCommands(PortalDbContext db, SiteSettingsStore store, AuditLog audit, TimeProvider clock, SettingSecrets secrets)
{
    public static bool CanEdit(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) && AccountsFeature.HasSecondFactor(user);

    /// <summary>Validates and saves the given values (only known keys); returns errors keyed by setting key.</summary>
    public async Task<Dictionary<string, string>?> SaveAsync(IReadOnlyDictionary<string, string> values, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!CanEdit(user)) return null;
        var errors = new Dictionary<string, string>();
        var now = clock.GetUtcNow();
        var current = await store.SnapshotAsync(ct);
        var changes = new List<(string Key, string Old, string New)>();
        foreach (var (key, raw) in values)
        {
            if (SettingKeys.Find(key) is not { } def) continue;
            if (def.Kind == SettingKind.Secret)
            {
                // Never shown, so an empty field means "keep"; the audit log records that it changed, not the value.
                if (string.IsNullOrEmpty(raw)) continue;
                if (raw.Length > 500) { errors[key] = "内容过长（不超过 500 字）"; continue; }
                changes.Add((key, current.Get(key).Length == 0 ? "" : "******", secrets.Protect(raw)));
                continue;
            }
            var value = Normalize(def, raw ?? "");
            if (Problem(def, value) is { } p) { errors[key] = p; continue; }
            var old = current.Get(key);
            if (old != value) changes.Add((key, old, value));
        }
        if (errors.Count > 0) return errors;
        if (changes.Count == 0) return errors;
        foreach (var (key, _, value) in changes) await UpsertAsync(key, value, now, ct);
        await BumpStampAsync(now, ct);
        await db.SaveChangesAsync(ct);
        store.Invalidate();
        foreach (var (key, old, value) in changes)
            await audit.WriteAsync(AuditActions.SettingChanged, $"setting:{key}",
                SettingKeys.Find(key)?.Kind == SettingKind.Secret ? "已更新（加密保存）" : $"{Short(old)} → {Short(value)}", ct: ct);
        return errors;
    }

    /// <summary>Publishes a new version of an agreement; users who accepted an older one are asked again.</summary>
    public async Task<AgreementView?> PublishAgreementAsync(string kind, string title, string text, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!CanEdit(user) || !AgreementKinds.All.Contains(kind)) return null;
        title = title.Trim();
        text = text.Trim();
        if (title.Length is 0 or > 200 || text.Length is 0 or > 20000) throw new ArgumentException("请填写协议标题和正文（正文不超过 20000 字）");
        var now = clock.GetUtcNow();
        var version = NextVersion((await store.SnapshotAsync(ct)).Agreement(kind).Version, now);
        db.Agreements.Add(new Agreement { Kind = kind, Version = version, Title = title, Text = text, PublishedAt = now, PublishedBy = user.Identity?.Name ?? "" });
        await BumpStampAsync(now, ct);
        await db.SaveChangesAsync(ct);
        store.Invalidate();
        await audit.WriteAsync(AuditActions.AgreementPublished, $"agreement:{kind}", $"发布{AgreementKinds.Label(kind)}第 {version} 版：{title}", ct: ct);
        return (await store.SnapshotAsync(ct)).Agreement(kind);
    }

    /// <summary>"2026.1" → "2026.2" in the same year (China time), else "{year}.1".</summary>
    public static string NextVersion(string current, DateTimeOffset now)
    {
        var year = now.ToOffset(OpenData.Web.Infrastructure.Web.ChinaTime.Offset).Year.ToString(CultureInfo.InvariantCulture);
        var parts = current.Split('.');
        return parts.Length == 2 && parts[0] == year && int.TryParse(parts[1], out var n) ? $"{year}.{n + 1}" : $"{year}.1";
    }

    private async Task UpsertAsync(string key, string value, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.SiteSettings.FirstOrDefaultAsync(s => s.Key == key, ct);
        if (row is null) db.SiteSettings.Add(row = new SiteSetting { Key = key });
        row.Value = value;
        row.UpdatedAt = now;
    }

    private Task BumpStampAsync(DateTimeOffset now, CancellationToken ct) => UpsertAsync(SettingKeys.Stamp, Guid.NewGuid().ToString("N"), now, ct);

    private static string Normalize(SettingDefinition def, string raw) => def.Kind switch
    {
        SettingKind.Switch => raw is "true" or "on" ? "true" : "false",
        SettingKind.LongText => string.Join('\n', raw.Replace("\r", "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
        _ => raw.Trim(),
    };

    private static string? Problem(SettingDefinition def, string value)
    {
        if (value.Length > 4000) return "内容过长（不超过 4000 字）";
        if (def.Kind == SettingKind.Number && (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 0))
            return "请输入非负整数";
        if (def.Key == SettingKeys.AuditRetentionDays && int.Parse(value, CultureInfo.InvariantCulture) < SettingKeys.MinAuditRetentionDays)
            return $"审计日志至少保留 {SettingKeys.MinAuditRetentionDays} 天";
        if (def.Key == SettingKeys.SiteName && value.Length == 0) return "请填写网站名称";
        if (def.Key == SettingKeys.RestrictedWindows) return RestrictedAccess.ApplicationWindows.Problem(value);
        if (def.Key == SettingKeys.TileServiceUrl && Maps.BaseMap.UrlProblem(value) is { } tile) return tile;
        if (def.Key == SettingKeys.TileCrs && Maps.CoordinateSystems.Parse(value) is null) return "请填写 wgs84、gcj02 或 bd09";
        return null;
    }

    private static string Short(string s) => s.Length == 0 ? "（空）" : s.Length <= 60 ? s : s[..60] + "…";
}
