using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using OpenData.Web.Features.Interaction;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Maps;

/// <summary>The map's JSON APIs (layer list, a layer as GeoJSON, the boundary) and the two form posts (provider's layer choice, boundary upload).</summary>
public static class MapEndpoints
{
    public static void MapMapEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Maps");
        api.MapGet("/map/layers", (MapQueries q, CancellationToken ct) => q.LayersAsync(ct));
        api.MapGet("/map/boundary", Boundary).Produces<GeoJsonFeatureCollection>(200, "application/geo+json").ProducesProblem(400);
        api.MapGet("/datasets/{slug}/resources/{id:int}/geojson", Layer).Produces<GeoJsonFeatureCollection>(200, "application/geo+json")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);

        var forms = app.MapGroup("").ExcludeFromDescription().DisableAntiforgery();
        forms.MapPost("/manage/datasets/{slug}/map-layer", SetLayer);
        forms.MapPost("/admin/map/boundary", UploadBoundary).RequireAuthorization(Policies.Admin);
    }

    private static async Task<IResult> Layer(string slug, int id, string? bbox, int? limit, string? crs, int? zoom,
        ClaimsPrincipal user, LayerData layers, CancellationToken ct)
    {
        if (CoordinateSystems.Parse(crs) is not { } system) return ProblemDefaults.Problem(400, "bad-crs", "crs 只能是 wgs84、gcj02 或 bd09。");
        Box? view = null;
        if (!string.IsNullOrEmpty(bbox))
        {
            var parts = bbox.Split(',');
            if (parts.Length != 4 || !parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
                return ProblemDefaults.Problem(400, "bad-bbox", "bbox 应为“最小经度,最小纬度,最大经度,最大纬度”四个数字。");
            var n = parts.Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            if (n[0] > n[2] || n[1] > n[3]) return ProblemDefaults.Problem(400, "bad-bbox", "bbox 的最小值不能大于最大值。");
            view = new Box(n[0], n[1], n[2], n[3]);
        }
        if (limit is < 1 or > LayerRequest.MaxLimit) return ProblemDefaults.Problem(400, "bad-limit", $"limit 必须在 1 到 {LayerRequest.MaxLimit} 之间。");
        if (zoom is < 0 or > 22) return ProblemDefaults.Problem(400, "bad-zoom", "zoom 必须在 0 到 22 之间。");
        var result = await layers.GetAsync(slug, id, new LayerRequest(view, limit ?? LayerRequest.DefaultLimit, system, zoom), user, ct);
        return result.Json is { } json
            ? Results.Bytes(json, "application/geo+json")
            : ProblemDefaults.Problem(result.Status, result.Code ?? "not-found", result.Message ?? "图层不存在");
    }

    /// <summary>The boundary with each area's label (名称（代码）) in its properties, in the asked system.</summary>
    private static async Task<IResult> Boundary(string? crs, MapBoundaries boundaries, CancellationToken ct)
    {
        if (CoordinateSystems.Parse(crs) is not { } system) return ProblemDefaults.Problem(400, "bad-crs", "crs 只能是 wgs84、gcj02 或 bd09。");
        var b = await boundaries.CurrentAsync(ct);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteString("name", b.Name);
            w.WriteStartArray("features");
            foreach (var f in b.Parsed.Features)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WriteStartObject("properties");
                w.WriteString("label", MapBoundaries.Label(f.Properties));
                w.WriteEndObject();
                w.WritePropertyName("geometry");
                GeoJsonData.WriteGeometry(w, f.Geometry, CoordinateSystem.Wgs84, system);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Results.Bytes(buffer.WrittenSpan.ToArray(), "application/geo+json");
    }

    private static async Task<IResult> SetLayer(string slug, HttpContext http, MapLayerCommands commands, CancellationToken ct)
    {
        var back = $"/manage/datasets/{Uri.EscapeDataString(slug)}/fields";
        if (await FormAsync(http, "map-layer", back) is not { } form) return Results.LocalRedirect(back + "#map-layer");
        var choice = new LayerChoice(form["lng"].ToString(), form["lat"].ToString(), form["crs"].ToString(), form["isLayer"] != "false", form["swap"] == "true");
        var error = int.TryParse(form["resource"], out var rid) ? await commands.SetAsync(slug, rid, choice, http.User, ct) : "缺少数据文件。";
        Flash.Set(http, "map-layer", error is null ? Outcome.Success(choice.IsLayer ? "已保存地图图层设置" : "已设为不作为地图图层") : Outcome.Invalid(error));
        return Results.LocalRedirect(back + "#map-layer");
    }

    private static async Task<IResult> UploadBoundary(HttpContext http, MapBoundaries boundaries, CancellationToken ct)
    {
        const string back = "/admin/map";
        if (await FormAsync(http, "boundary", back) is not { } form) return Results.LocalRedirect(back);
        var file = form.Files["file"];
        BoundaryUpload result;
        if (file is null) result = new(false, "请选择 GeoJSON 文件。", []);
        else
        {
            await using var s = file.OpenReadStream();
            result = await boundaries.UploadAsync(http.User, form["name"].ToString(), s, file.Length, ct);
        }
        Flash.Set(http, "boundary", result.Ok ? Outcome.Success(result.Message) : Outcome.Invalid(result.Message));
        return Results.LocalRedirect(back);
    }

    /// <summary>The posted form when its antiforgery token is valid; otherwise a flash saying the page expired, and null.</summary>
    private static async Task<IFormCollection?> FormAsync(HttpContext http, string part, string back)
    {
        if (!http.Request.HasFormContentType || !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            Flash.Set(http, part, Outcome.Invalid("页面已过期或请求无效，请刷新页面后重试"));
            return null;
        }
        return await http.Request.ReadFormAsync(http.RequestAborted);
    }
}

/// <summary>The shape of the GeoJSON the map routes write by hand (RFC 7946), for the OpenAPI document.</summary>
public sealed record GeoJsonFeatureCollection(string Type, string? Name, IReadOnlyList<GeoJsonFeature> Features);
public sealed record GeoJsonFeature(string Type, IReadOnlyDictionary<string, object?> Properties, JsonElement Geometry);
