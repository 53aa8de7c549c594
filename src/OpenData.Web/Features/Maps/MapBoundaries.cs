using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure.Auditing;

namespace OpenData.Web.Features.Maps;

/// <summary>The boundary layer drawn under the data: its name, the areas (名称（代码）) and the GeoJSON in WGS-84.</summary>
public sealed record BoundaryView(int? Id, string Name, IReadOnlyList<string> Areas, GeoJsonParse Parsed, DateTimeOffset? UploadedAt, string UploadedBy);

/// <summary>Outcome of an upload: the areas read, or what is wrong with the file.</summary>
public sealed record BoundaryUpload(bool Ok, string Message, IReadOnlyList<string> Areas);

/// <summary>
/// The administrative boundary layer: the newest one an administrator uploaded, else the nine counties of 丽水市
/// that ship with the app. Uploads are validated (GeoJSON, polygons only, inside China, size limit) before they replace it.
/// </summary>
public sealed class MapBoundaries(PortalDbContext db, IMemoryCache cache, IOptions<MapsOptions> options, AuditLog audit, TimeProvider clock)
{
    public const string BuiltInName = "丽水市九县（市、区）行政区划（内置）";
    private static readonly string[] NameKeys = ["name", "NAME", "Name", "名称", "区划名称", "county", "COUNTY"];
    private static readonly string[] CodeKeys = ["adcode", "code", "CODE", "ADCODE", "区划代码", "行政区划代码", "gb"];

    public async Task<BoundaryView> CurrentAsync(CancellationToken ct)
    {
        var latest = await db.MapBoundaries.AsNoTracking().OrderByDescending(b => b.Id)
            .Select(b => new { b.Id, b.Name, b.UploadedAt, b.UploadedByName }).FirstOrDefaultAsync(ct);
        var key = "map:boundary:" + (latest?.Id ?? 0);
        if (cache.TryGetValue(key, out BoundaryView? view) && view is not null) return view;
        GeoJsonParse parsed;
        if (latest is null) parsed = GeoJsonData.Parse(BuiltIn());
        else parsed = GeoJsonData.Parse(System.Text.Encoding.UTF8.GetBytes(await db.MapBoundaries.Where(b => b.Id == latest.Id).Select(b => b.GeoJson).FirstAsync(ct)));
        view = new BoundaryView(latest?.Id, latest?.Name ?? BuiltInName, Areas(parsed), parsed, latest?.UploadedAt, latest?.UploadedByName ?? "");
        cache.Set(key, view, TimeSpan.FromMinutes(30));
        return view;
    }

    public async Task<BoundaryUpload> UploadAsync(ClaimsPrincipal user, string name, Stream content, long length, CancellationToken ct)
    {
        if (!DatasetAccess.IsAdmin(user)) return new(false, "只有平台管理员可以上传行政区划边界。", []);
        var max = options.Value.MaxBoundaryBytes;
        if (length > max) return new(false, $"文件过大：边界文件不能超过 {max / 1048576.0:0.#} MB。", []);
        using var ms = new MemoryStream();
        await content.CopyToAsync(ms, ct);
        if (ms.Length == 0) return new(false, "请选择 GeoJSON 文件。", []);
        if (ms.Length > max) return new(false, $"文件过大：边界文件不能超过 {max / 1048576.0:0.#} MB。", []);
        var parsed = GeoJsonData.Parse(ms.ToArray());
        if (!parsed.Ok) return new(false, parsed.Error!, []);
        var problem = Check(parsed);
        if (problem is not null) return new(false, problem, []);
        var areas = Areas(parsed);
        name = string.IsNullOrWhiteSpace(name) ? "行政区划边界" : name.Trim()[..Math.Min(name.Trim().Length, 100)];
        var summary = string.Join("，", areas);
        db.MapBoundaries.Add(new MapBoundary
        {
            Name = name, GeoJson = System.Text.Encoding.UTF8.GetString(ms.ToArray()), FeatureCount = parsed.Features.Count,
            Areas = summary.Length > 4000 ? summary[..4000] : summary, UploadedAt = clock.GetUtcNow(), UploadedByName = user.Identity?.Name ?? "",
        });
        await audit.WriteAsync("map.boundary-uploaded", "map:boundary", $"上传行政区划边界“{name}”，{parsed.Features.Count} 个区域", ct: ct);
        await db.SaveChangesAsync(ct);
        var skipped = parsed.Skipped > 0 ? $"（另有 {parsed.Skipped} 个要素没有有效几何，已跳过）" : "";
        return new(true, $"已上传“{name}”：{parsed.Features.Count} 个区域{skipped}。", areas);
    }

    /// <summary>A boundary is areas: polygons only, and inside China (a file in another system or projection would land elsewhere).</summary>
    private static string? Check(GeoJsonParse parsed)
    {
        var bad = parsed.Features.Count(f => f.Geometry.GetProperty("type").GetString() is not ("Polygon" or "MultiPolygon"));
        if (bad > 0) return $"边界文件只能包含面（Polygon 或 MultiPolygon），有 {bad} 个要素是点或线。";
        var outside = parsed.Features.Count(f => !ChinaExtent.Contains(f.Bounds.MinLng, f.Bounds.MinLat) || !ChinaExtent.Contains(f.Bounds.MaxLng, f.Bounds.MaxLat));
        return outside > 0 ? $"有 {outside} 个区域不在中国境内：请使用经纬度坐标（WGS-84/CGCS2000）的 GeoJSON，而不是投影坐标。" : null;
    }

    public static IReadOnlyList<string> Areas(GeoJsonParse parsed) =>
        parsed.Features.Select(f => Label(f.Properties)).ToList();

    public static string Label(JsonElement? props)
    {
        var name = Pick(props, NameKeys) ?? "未命名区域";
        return Pick(props, CodeKeys) is { } code ? $"{name}（{code}）" : name;
    }

    private static string? Pick(JsonElement? props, string[] keys)
    {
        if (props is not { } p) return null;
        foreach (var k in keys)
            if (p.TryGetProperty(k, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                return v.ToString();
        return null;
    }

    private static byte[] BuiltIn()
    {
        using var s = typeof(MapBoundaries).Assembly.GetManifestResourceStream("lishui-counties.geojson")!;
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }
}
