using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenData.IntegrationTests.Features.Datastore;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Datasets;
using static OpenData.IntegrationTests.Features.Datasets.DatasetTestKit;

namespace OpenData.IntegrationTests.Features.Maps;

/// <summary>Tables with coordinates become layers at ingestion; the layer list and the GeoJSON API serve them.</summary>
public abstract class MapLayerTests(PortalFactory factory)
{
    private const string Stations = "站点名称,经度,纬度,类型\n城北站,119.9123,28.4671,国控\n城南站,119.9301,28.4402,省控\n"
        + "碧湖站,119.8012,28.3567,市控\n境外站,2.35,48.85,错误\n空坐标站,,28.1,错误\n非数字站,东经119度,28.2,错误\n";

    private static async Task<JsonElement> GeoAsync(HttpClient c, string slug, int id, string query = "")
    {
        var res = await c.GetAsync($"/api/v1/datasets/{slug}/resources/{id}/geojson{query}");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("application/geo+json", res.Content.Headers.ContentType?.MediaType);
        return await res.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_demo_catalog_has_at_least_six_point_layers_inside_Lishui_marked_as_samples()
    {
        var list = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/map/layers", Json);
        // Other tests of this class add their own layers to the same database: count the demo's (示例) only.
        var points = list.GetProperty("items").EnumerateArray()
            .Where(l => l.GetProperty("kind").GetString() == "point" && l.GetProperty("isSample").GetBoolean()).ToList();
        Assert.True(points.Count >= 6, $"{points.Count} point layers");
        Assert.Contains(points, l => l.GetProperty("slug").GetString() == "kongqi-jiance-zhandian");
        var first = points[0];
        Assert.True(first.GetProperty("count").GetInt64() > 0);
        Assert.Equal("wgs84", first.GetProperty("crs").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("domain").GetString()));
        var geo = await GeoAsync(factory.CreateClient(), first.GetProperty("slug").GetString()!, first.GetProperty("resourceId").GetInt32());
        foreach (var f in geo.GetProperty("features").EnumerateArray())
        {
            var c = f.GetProperty("geometry").GetProperty("coordinates");
            Assert.InRange(c[0].GetDouble(), 118.6, 120.6); // 丽水市 spans about 118.7–120.5 E, 27.4–28.9 N
            Assert.InRange(c[1].GetDouble(), 27.2, 29.0);
        }
    }

    [Fact]
    public async Task An_uploaded_table_with_coordinates_is_a_layer_whose_bad_rows_are_counted_and_left_out()
    {
        var provider = await factory.ClientForAsync("provider");
        var (slug, id) = await DatastoreFlowTests.PublishedAsync(provider, "监测站点坐标", Stations);
        var list = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/map/layers", Json);
        var layer = list.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("slug").GetString() == slug);
        Assert.Equal((id, 3L), (layer.GetProperty("resourceId").GetInt32(), layer.GetProperty("count").GetInt64()));

        var geo = await GeoAsync(factory.CreateClient(), slug, id);
        Assert.Equal(3, geo.GetProperty("total").GetInt32());
        Assert.Equal(1, geo.GetProperty("skipped").GetProperty("outside").GetInt64());
        Assert.Equal(2, geo.GetProperty("skipped").GetProperty("invalid").GetInt64());
        var north = geo.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("站点名称").GetString() == "城北站");
        Assert.Equal("国控", north.GetProperty("properties").GetProperty("类型").GetString());
        Assert.Equal(119.9123, north.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), 1e-6);

        // The bounding box filters; the asked system converts (GCJ-02 lies about 0.005° east of WGS-84 here).
        var box = await GeoAsync(factory.CreateClient(), slug, id, "?bbox=119.9,28.45,120,28.5");
        Assert.Equal(["城北站"], box.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("站点名称").GetString()));
        var gcj = await GeoAsync(factory.CreateClient(), slug, id, "?bbox=119.9,28.45,120,28.5&crs=gcj02");
        Assert.Equal("gcj02", gcj.GetProperty("crs").GetString());
        var x = gcj.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0].GetDouble();
        Assert.InRange(x - 119.9123, 0.003, 0.008);

        // Over the limit, the server answers with counted clusters that still add up to every point.
        var thin = await GeoAsync(factory.CreateClient(), slug, id, "?limit=1&zoom=3");
        Assert.True(thin.GetProperty("clustered").GetBoolean());
        Assert.Equal(3, thin.GetProperty("features").EnumerateArray().Sum(f => f.GetProperty("properties").TryGetProperty("_count", out var n) ? n.GetInt32() : 1));
    }

    [Fact]
    public async Task Bad_parameters_are_problems_with_a_clear_message()
    {
        var provider = await factory.ClientForAsync("provider");
        var (slug, id) = await DatastoreFlowTests.PublishedAsync(provider, "站点参数校验", Stations);
        foreach (var q in new[] { "?bbox=1,2,3", "?bbox=120,28,119,29", "?crs=epsg3857", "?limit=0", "?limit=100000" })
        {
            var res = await factory.CreateClient().GetAsync($"/api/v1/datasets/{slug}/resources/{id}/geojson{q}");
            Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
            Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task An_address_only_table_is_no_layer_and_the_api_says_why()
    {
        var provider = await factory.ClientForAsync("provider");
        var (slug, id) = await DatastoreFlowTests.PublishedAsync(provider, "只有地址的名录", "名称,地址\n甲,丽水市莲都区紫金路1号\n");
        var list = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/map/layers", Json);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), l => l.GetProperty("slug").GetString() == slug);
        var res = await factory.CreateClient().GetAsync($"/api/v1/datasets/{slug}/resources/{id}/geojson");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        Assert.Contains("只有地址", (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Restricted_data_stays_off_the_shared_map_and_its_geojson_needs_a_grant()
    {
        var provider = await factory.ClientForAsync("provider");
        var (slug, id) = await DatastoreFlowTests.PublishedAsync(provider, "受限站点坐标", Stations, "restricted");
        var list = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/map/layers", Json);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), l => l.GetProperty("slug").GetString() == slug);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/v1/datasets/{slug}/resources/{id}/geojson")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync($"/api/v1/datasets/{slug}/resources/{id}/geojson")).StatusCode);
    }

    [Fact]
    public async Task A_geojson_resource_is_a_layer_too()
    {
        var provider = await factory.ClientForAsync("provider");
        var created = await provider.CreateDatasetAsync(NewDataset("sthjj", "学区范围", "open"));
        const string shapes = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"学区":"城北学区"},"geometry":{"type":"Polygon","coordinates":[[[119.90,28.45],[119.95,28.45],[119.95,28.50],[119.90,28.45]]]}},{"type":"Feature","properties":{"学区":"坏要素"},"geometry":null}]}""";
        var up = await provider.UploadAsync(created.Slug, "学区.geojson", shapes, "学区");
        Assert.True(up.IsSuccessStatusCode, await up.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync($"/api/v1/manage/datasets/{created.Slug}/publish", null)).StatusCode);
        var list = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/map/layers", Json);
        var layer = list.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("slug").GetString() == created.Slug);
        Assert.Equal("geojson", layer.GetProperty("kind").GetString());
        var geo = await GeoAsync(factory.CreateClient(), created.Slug, layer.GetProperty("resourceId").GetInt32());
        Assert.Equal("城北学区", geo.GetProperty("features")[0].GetProperty("properties").GetProperty("学区").GetString());
        Assert.Equal(1, geo.GetProperty("skipped").GetProperty("invalid").GetInt64());
    }
}

public sealed class MapLayerTestsSqlite(SqlitePortalFactory f) : MapLayerTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class MapLayerTestsPostgres(PostgresPortalFactory f) : MapLayerTests(f), IClassFixture<PostgresPortalFactory>;
