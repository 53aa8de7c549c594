using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Features.DataApis.Apps;
using OpenData.Web.Features.DataApis.Catalog;
using OpenData.Web.Infrastructure;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.Web.Features.DataApis.Gateway;

public sealed record LimitDefaults(int RatePerMinute, int DailyQuota);

public sealed record ApiLimitsView(string Code, string Name, int? RatePerMinute, int? DailyQuota, LimitDefaults Defaults);

public sealed record ApiLimitsRequest(int? RatePerMinute, int? DailyQuota);

/// <summary>
/// The limits a call runs under: the site settings api.ratePerMinute / api.dailyQuota (changed at run time,
/// seen within seconds), unless the API has its own override, which its provider or an administrator sets.
/// A grant's own daily quota (ApiApplication.DailyQuota) wins over both.
/// </summary>
public sealed class ApiLimits(Deferred<PortalDbContext> deferredDb, SiteSettingsStore settings, IMemoryCache cache,
    Deferred<ApiCatalog> deferredCatalog, Deferred<AuditLog> deferredAudit)
{
    // Deferred: a signed call reads its limits from caches and should not build a DbContext (ADR 0051).
    private PortalDbContext Db => deferredDb.Value;
    private ApiCatalog Catalog => deferredCatalog.Value;
    private AuditLog Audit => deferredAudit.Value;

    /// <summary>How long a node keeps an API's override; a change on this node is seen at once.</summary>
    private static readonly TimeSpan OverrideCacheTime = SiteSettingsStore.RecheckInterval;
    public const int MaxRatePerMinute = 10_000_000;

    public static string CacheKey(string code) => "odp:api-limits:" + code;

    public async Task<LimitDefaults> DefaultsAsync(CancellationToken ct)
    {
        var s = await settings.SnapshotAsync(ct);
        return new LimitDefaults(Math.Max(1, s.GetInt(SettingKeys.ApiRatePerMinute)), Math.Max(0, s.GetInt(SettingKeys.ApiDailyQuota)));
    }

    public async Task<(int RatePerMinute, int DailyQuota)> EffectiveAsync(string code, LimitDefaults defaults, CancellationToken ct)
    {
        var o = await cache.GetOrCreateAsync(CacheKey(code), async e =>
        {
            e.AbsoluteExpirationRelativeToNow = OverrideCacheTime;
            return await Db.ApiProfiles.AsNoTracking().Where(p => p.ApiCode == code)
                .Select(p => new ApiLimitsRequest(p.RatePerMinute, p.DailyQuota)).FirstOrDefaultAsync(ct) ?? new ApiLimitsRequest(null, null);
        });
        return (o!.RatePerMinute ?? defaults.RatePerMinute, o.DailyQuota ?? defaults.DailyQuota);
    }

    /// <summary>Null when the API does not exist or the user may not manage it.</summary>
    public async Task<ApiLimitsView?> GetAsync(ClaimsPrincipal user, string code, CancellationToken ct)
    {
        if (await ManagedAsync(user, code, ct) is not { } api) return null;
        var p = await Db.ApiProfiles.AsNoTracking().FirstOrDefaultAsync(x => x.ApiCode == code, ct);
        return new ApiLimitsView(code, api.Name, p?.RatePerMinute, p?.DailyQuota, await DefaultsAsync(ct));
    }

    /// <summary>Sets or clears (null) the API's own limits; false when not allowed. Audited.</summary>
    public async Task<bool> SetAsync(ClaimsPrincipal user, string code, ApiLimitsRequest r, CancellationToken ct)
    {
        if (await ManagedAsync(user, code, ct) is null) return false;
        if (r.RatePerMinute is < 1 or > MaxRatePerMinute) throw new AppValidationException("ratePerMinute", $"频率限制应为 1 到 {MaxRatePerMinute} 次/分钟，留空则使用平台默认值。");
        if (r.DailyQuota is < 0) throw new AppValidationException("dailyQuota", "日配额不能为负数，留空则使用平台默认值。");
        var p = await Db.ApiProfiles.FirstOrDefaultAsync(x => x.ApiCode == code, ct);
        if (p is null) Db.ApiProfiles.Add(p = new ApiProfile { ApiCode = code });
        var before = $"{p.RatePerMinute?.ToString() ?? "默认"}/分钟, {p.DailyQuota?.ToString() ?? "默认"}/天";
        p.RatePerMinute = r.RatePerMinute;
        p.DailyQuota = r.DailyQuota;
        await Db.SaveChangesAsync(ct);
        cache.Remove(CacheKey(code));
        await Audit.WriteAsync(DataApiAudit.LimitsChanged, $"api:{code}",
            $"{before} → {r.RatePerMinute?.ToString() ?? "默认"}/分钟, {r.DailyQuota?.ToString() ?? "默认"}/天", ct: ct);
        return true;
    }

    /// <summary>Administrators manage every API; a provider those of its own department.</summary>
    private async Task<ApiSummary?> ManagedAsync(ClaimsPrincipal user, string code, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Provider)) return null;
        var api = await Catalog.FindAsync(code, ct);
        if (api is null) return null;
        return user.IsInRole(Roles.Admin) || api.DepartmentCode == user.FindFirstValue(PortalClaims.DepartmentCode) ? api : null;
    }
}
