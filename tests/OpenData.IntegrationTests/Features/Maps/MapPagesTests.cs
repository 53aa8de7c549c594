using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenData.IntegrationTests.Features.Datasets.Pages;
using OpenData.IntegrationTests.Features.Datastore;
using OpenData.IntegrationTests.Infrastructure;
using static OpenData.IntegrationTests.Features.Datasets.DatasetTestKit;

namespace OpenData.IntegrationTests.Features.Maps;

/// <summary>/map, the dataset page's map tab, the provider's confirmation on the field page, the boundary upload.</summary>
public abstract class MapPagesTests(PortalFactory factory)
{
    [Fact]
    public async Task The_map_page_is_in_the_main_menu_and_lists_layers_by_domain_with_the_shared_ones_checked()
    {
        var anon = factory.CreateClient();
        var home = await anon.GetStringAsync("/");
        Assert.Contains("href=\"/map\"", home);
        var html = await anon.GetStringAsync("/map?layers=kongqi-jiance-zhandian:" + await ResourceIdAsync("kongqi-jiance-zhandian"));
        Assert.Contains("数据图层", html);
        Assert.Contains("<legend", html);
        Assert.Matches("value=\"kongqi-jiance-zhandian:\\d+\"[^>]*checked", html);
        Assert.Contains("js/map.js", html);
        Assert.Contains("行政区划：", html); // the boundary (built-in, or one another test uploaded) is named in the legend
        var search = await anon.GetStringAsync("/map?q=" + Q("不存在的图层名"));
        Assert.Contains("没有名称包含", search);
    }

    [Fact]
    public async Task A_dataset_that_is_a_layer_has_a_map_tab_and_one_that_is_not_has_none()
    {
        var anon = factory.CreateClient();
        var layer = await anon.GetStringAsync("/datasets/kongqi-jiance-zhandian");
        Assert.Contains("href=\"/datasets/kongqi-jiance-zhandian#map\"", layer);
        Assert.Contains("id=\"map\"", layer);
        var preview = await anon.GetStringAsync("/datasets/kongqi-jiance-zhandian/preview");
        Assert.Contains("/datasets/kongqi-jiance-zhandian/map", preview);
        var plain = await anon.GetStringAsync("/datasets/kongqi-zhiliang-ribao");
        Assert.DoesNotContain("#map\"", plain);
    }

    [Fact]
    public async Task Swapped_coordinates_are_flagged_on_the_field_page_and_the_providers_fix_makes_the_layer()
    {
        var api = await factory.ClientForAsync("provider");
        var (slug, id) = await DatastoreFlowTests.PublishedAsync(api, "填反坐标的站点", "名称,经度,纬度\n甲,28.4671,119.9123\n乙,28.4402,119.9301\n");
        var list = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/map/layers", Json);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), l => l.GetProperty("slug").GetString() == slug);

        var browser = await PageKit.ClientForAsync(factory, "provider");
        var page = $"/manage/datasets/{slug}/fields";
        Assert.Contains("疑似填反", await browser.GetStringAsync(page));
        var res = await browser.PostFormAsync(page, $"/manage/datasets/{slug}/map-layer", null,
            [new("resource", id.ToString()), new("lng", "经度"), new("lat", "纬度"), new("crs", "gcj02"), new("swap", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Contains("已确认为图层", await browser.GetStringAsync(page));
        list = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/map/layers", Json);
        var layer = list.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("slug").GetString() == slug);
        Assert.Equal((2L, "gcj02"), (layer.GetProperty("count").GetInt64(), layer.GetProperty("crs").GetString()));
        // Declared GCJ-02, served in WGS-84: shifted back west by about 0.005°.
        var geo = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{slug}/resources/{id}/geojson", Json);
        var xs = geo.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble()).Order().ToList();
        Assert.InRange(119.9123 - xs[0], 0.003, 0.008);
    }

    [Fact]
    public async Task Another_providers_layer_cannot_be_changed()
    {
        var api = await factory.ClientForAsync("provider");
        var (slug, id) = await DatastoreFlowTests.PublishedAsync(api, "他人站点", "名称,经度,纬度\n甲,119.9,28.4\n");
        var other = await PageKit.NewUserClientAsync(factory, "Provider", "jsj");
        var res = await other.PostFormAsync("/map", $"/manage/datasets/{slug}/map-layer", null,
            [new("resource", id.ToString()), new("isLayer", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var list = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/map/layers", Json);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), l => l.GetProperty("slug").GetString() == slug);
    }

    [Fact]
    public async Task An_administrator_uploads_a_boundary_that_is_validated_and_then_drawn_with_names_and_codes()
    {
        var admin = await PageKit.ClientForAsync(factory, "admin");
        await UploadAsync(admin, "坏文件", "名称,经度\n甲,1");
        Assert.Contains("不是有效的 JSON", await admin.GetStringAsync("/admin/map"));
        var points = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"点"},"geometry":{"type":"Point","coordinates":[119.9,28.4]}}]}""";
        await UploadAsync(admin, "点文件", points);
        Assert.Contains("只能包含面", await admin.GetStringAsync("/admin/map"));

        var towns = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"紫金街道","code":"331102001"},"geometry":{"type":"Polygon","coordinates":[[[119.90,28.45],[119.95,28.45],[119.95,28.50],[119.90,28.45]]]}}]}""";
        await UploadAsync(admin, "莲都区街道边界", towns);
        var page = await admin.GetStringAsync("/admin/map");
        Assert.Contains("紫金街道（331102001）", page);
        var boundary = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/map/boundary", Json);
        Assert.Equal("莲都区街道边界", boundary.GetProperty("name").GetString());
        Assert.Equal("紫金街道（331102001）", boundary.GetProperty("features")[0].GetProperty("properties").GetProperty("label").GetString());

        var anon = factory.CreateBrowserClient();
        var refused = await anon.PostAsync("/admin/map/boundary", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("莲都区街道边界", (await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/map/boundary", Json)).GetProperty("name").GetString());
    }

    /// <summary>Posts the /admin/map upload form as a browser does (its token, multipart) and expects the redirect back.</summary>
    private static async Task UploadAsync(HttpClient admin, string name, string content)
    {
        var token = HtmlForms.AntiforgeryToken(await admin.GetStringAsync("/admin/map"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token, Encoding.UTF8), "__RequestVerificationToken" },
            { new StringContent(name, Encoding.UTF8), "name" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "file", "boundary.geojson" },
        };
        var res = await admin.PostAsync("/admin/map/boundary", form);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal("/admin/map", res.Headers.Location?.ToString());
    }

    private async Task<int> ResourceIdAsync(string slug)
    {
        var list = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/map/layers", Json);
        return list.GetProperty("items").EnumerateArray().First(l => l.GetProperty("slug").GetString() == slug).GetProperty("resourceId").GetInt32();
    }
}

public sealed class MapPagesTestsSqlite(SqlitePortalFactory f) : MapPagesTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class MapPagesTestsPostgres(PostgresPortalFactory f) : MapPagesTests(f), IClassFixture<PostgresPortalFactory>;
