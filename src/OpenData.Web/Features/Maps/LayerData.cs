using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OpenData.Web.Data;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Infrastructure.Storage;

namespace OpenData.Web.Features.Maps;

/// <summary>What the GeoJSON API was asked: the view (in the asked system), the most marks, the system, the zoom.</summary>
public sealed record LayerRequest(Box? View, int Limit, CoordinateSystem Crs, int? Zoom)
{
    public const int DefaultLimit = 2000, MaxLimit = 10000;
}

/// <summary>A layer as GeoJSON bytes, or a problem (status, code, Chinese message).</summary>
public sealed record LayerResult(byte[]? Json, int Status, string? Code, string? Message);

/// <summary>
/// One layer as a GeoJSON FeatureCollection: point layers from the datastore (thinned by <see cref="PointGrid"/>,
/// the shown rows' fields read back by _id), GeoJSON resources from their file. Access is the preview's: open
/// data for everyone, 有条件开放 data for its provider, administrators and grant holders.
/// </summary>
public sealed class LayerData(PortalDbContext db, ResourceData data, MapPoints points, PointLayerJson json, IFileStore files, IMemoryCache cache)
{
    public async Task<LayerResult> GetAsync(string slug, int resourceId, LayerRequest req, ClaimsPrincipal user, CancellationToken ct)
    {
        var access = await data.OpenAsync(slug, resourceId, null, user, ct);
        if (access is { Ok: false, Code: not "no-table" }) return new(null, access.Status, access.Code, access.Message);
        // The view arrives in the asked system; the points are kept in WGS-84.
        var view = req.View is { } v ? ToWgs(v, req.Crs) : Box.World;
        if (access.Table is { } table)
        {
            var layer = await db.MapLayers.AsNoTracking().FirstOrDefaultAsync(l => l.ResourceId == resourceId, ct);
            if (layer is null || layer.LngField.Length == 0 || layer.State is Data.Entities.MapLayerState.Rejected or Data.Entities.MapLayerState.None)
                return new(null, 404, "not-a-layer", layer?.Note is { Length: > 0 } note ? note : "该数据文件没有经纬度坐标，不是地图图层。");
            if (table.Withheld.Contains(layer.LngField) || table.Withheld.Contains(layer.LatField))
                return new(null, 403, "restricted", "经纬度字段不在您的受限数据授权范围内，不能在地图上显示。");
            var set = await points.GetAsync(table, new CoordinatePair(layer.LngField, layer.LatField), MapLayerDetector.Crs(layer), ct);
            return new(await json.WriteAsync(table, set, view, req, ct), 200, null, null);
        }
        // A GeoJSON file is served whole, so a grant of some fields does not cover it.
        if (access.Partial) return new(null, 403, "restricted", "您的受限数据授权仅含部分字段，该 GeoJSON 文件含全部字段，不能显示。");
        var file = await db.ResourceVersions.AsNoTracking()
            .Where(x => x.ResourceId == resourceId && x.Number == x.Resource!.CurrentVersion && x.Resource.Format == "GEOJSON")
            .Select(x => x.FileHash).FirstOrDefaultAsync(ct);
        if (file is null) return new(null, 404, "not-a-layer", "该数据文件不是 GeoJSON，也没有经纬度坐标，不是地图图层。");
        var parsed = await ParseAsync(file, ct);
        if (!parsed.Ok) return new(null, 422, "invalid-geojson", parsed.Error);
        return new(ShapesJson(parsed, view, req), 200, null, null);
    }

    private static Box ToWgs(Box b, CoordinateSystem crs)
    {
        var (x1, y1) = CoordinateConverter.Convert(b.MinLng, b.MinLat, crs, CoordinateSystem.Wgs84);
        var (x2, y2) = CoordinateConverter.Convert(b.MaxLng, b.MaxLat, crs, CoordinateSystem.Wgs84);
        return new Box(x1, y1, x2, y2);
    }

    private static byte[] ShapesJson(GeoJsonParse parsed, Box view, LayerRequest req)
    {
        var shown = parsed.Features.Where(f => view.Intersects(f.Bounds)).ToList();
        var limited = shown.Take(req.Limit).ToList();
        return PointLayerJson.Collection(req, shown.Count, limited.Count, false, 0, parsed.Skipped, w =>
        {
            foreach (var f in limited)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WritePropertyName("geometry");
                GeoJsonData.WriteGeometry(w, f.Geometry, CoordinateSystem.Wgs84, req.Crs);
                w.WritePropertyName("properties");
                if (f.Properties is { } p) p.WriteTo(w); else { w.WriteStartObject(); w.WriteEndObject(); }
                w.WriteEndObject();
            }
        });
    }

    /// <summary>GeoJSON files are parsed once per node and content hash (the hash changes with the content).</summary>
    private async Task<GeoJsonParse> ParseAsync(string hash, CancellationToken ct) =>
        (await cache.GetOrCreateAsync("map:geojson:" + hash, async e =>
        {
            e.SlidingExpiration = TimeSpan.FromMinutes(20);
            await using var s = files.OpenRead(hash);
            using var ms = new MemoryStream();
            await s.CopyToAsync(ms, ct);
            return GeoJsonData.Parse(ms.ToArray());
        }))!;
}
