using OpenData.Web.Features.Admin.Settings;

namespace OpenData.Web.Features.Maps;

/// <summary>The base map from /admin/settings (map.tileUrl and friends). Empty URL: no tiles, boundaries and data on a plain background.</summary>
public sealed class BaseMap(SiteSettingsStore settings)
{
    public async Task<BaseMapDto> GetAsync(CancellationToken ct)
    {
        var s = await settings.SnapshotAsync(ct);
        var url = s.Get(SettingKeys.TileServiceUrl).Replace("{key}", Uri.EscapeDataString(s.Get(SettingKeys.TileKey)));
        var crs = CoordinateSystems.Parse(s.Get(SettingKeys.TileCrs)) ?? CoordinateSystem.Wgs84;
        return new BaseMapDto(url, s.Get(SettingKeys.TileAttribution), CoordinateSystems.Code(crs), url.Contains("{s}") ? 8 : 0);
    }

    /// <summary>Why a tile URL template cannot work; null when it can (or is empty).</summary>
    public static string? UrlProblem(string url)
    {
        if (url.Length == 0) return null;
        if (!Uri.TryCreate(url.Replace("{s}", "a").Replace("{z}", "0").Replace("{x}", "0").Replace("{y}", "0"), UriKind.Absolute, out var u)
            || (u.Scheme != "https" && u.Scheme != "http"))
            return "请填写以 http:// 或 https:// 开头的瓦片地址";
        return url.Contains("{z}") && url.Contains("{x}") && url.Contains("{y}") ? null : "瓦片地址须包含 {z}、{x}、{y} 占位符";
    }
}

public static class TileOrigins
{
    /// <summary>The CSP source of a tile template: its origin, a "{s}" subdomain label widened to "*".</summary>
    public static string? Of(string url)
    {
        if (url.Length == 0) return null;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return null;
        var hostEnd = url.IndexOfAny(['/', '?'], schemeEnd + 3);
        var host = hostEnd < 0 ? url[(schemeEnd + 3)..] : url[(schemeEnd + 3)..hostEnd];
        var labels = host.Split('.').Select(l => l.Contains("{s}") ? "*" : l);
        var origin = url[..(schemeEnd + 3)] + string.Join('.', labels);
        return origin.Any(c => char.IsWhiteSpace(c) || c is ';' or '\'' or '{' or '}') ? null : origin;
    }
}
