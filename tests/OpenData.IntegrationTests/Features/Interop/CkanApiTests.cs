using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Datasets;
using static OpenData.IntegrationTests.Features.Interop.InteropKit;

namespace OpenData.IntegrationTests.Features.Interop;

/// <summary>The CKAN-compatible action API, checked on the behaviours CKAN 2.11's own API tests check.</summary>
public abstract class CkanApiTests(PortalFactory factory)
{
    private HttpClient Anonymous => factory.CreateClient();

    [Fact]
    public async Task Package_search_returns_ten_rows_by_default_in_the_ckan_envelope_and_pages_with_start()
    {
        var all = await Anonymous.CkanResultAsync("package_search?rows=1000");
        var count = all.GetProperty("count").GetInt32();
        Assert.True(count > 20, "the demo catalog has dozens of open datasets");
        Assert.Equal(count, all.GetProperty("results").GetArrayLength());
        var first = await Anonymous.CkanResultAsync("package_search");
        Assert.Equal(10, first.GetProperty("results").GetArrayLength());
        Assert.Equal(count, first.GetProperty("count").GetInt32());
        var second = await Anonymous.CkanResultAsync("package_search?start=10&rows=10");
        var names = Names(first).Concat(Names(second)).ToList();
        Assert.Equal(20, names.Distinct().Count());
        Assert.Equal(Names(all).Take(20), names);
    }

    [Fact]
    public async Task Rows_and_datastore_limits_are_capped_at_the_configured_maximum()
    {
        using var capped = factory.WithWebHostBuilder(b => b
            .UseSetting("Interop:SearchRowsDefault", "2").UseSetting("Interop:SearchRowsMax", "3")
            .UseSetting("Interop:DatastoreLimitDefault", "4").UseSetting("Interop:DatastoreLimitMax", "5"));
        var client = capped.CreateClient();
        Assert.Equal(2, (await client.CkanResultAsync("package_search")).GetProperty("results").GetArrayLength());
        Assert.Equal(3, (await client.CkanResultAsync("package_search?rows=15")).GetProperty("results").GetArrayLength());
        var resource = await OpenResourceIdAsync();
        var rows = await client.CkanResultAsync($"datastore_search?resource_id={resource}&limit=50");
        Assert.Equal(5, rows.GetProperty("records").GetArrayLength());
        Assert.Equal(5, rows.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Package_search_uses_the_catalogs_chinese_search_and_never_returns_restricted_datasets()
    {
        var result = await Anonymous.CkanResultAsync($"package_search?q={Q("空气")}&rows=100");
        Assert.Contains(OpenSlug, Names(result));
        var portal = await Anonymous.GetFromJsonAsync<DatasetSearchResult>($"/api/v1/datasets?q={Q("空气")}&open=open&pageSize=100", DatasetTestKitJson);
        Assert.Equal(portal!.Items.Select(i => i.Slug).Order(), Names(result).Order());
        var restricted = await Anonymous.CkanResultAsync($"package_search?q={Q("最低生活保障")}&rows=100");
        Assert.DoesNotContain(RestrictedSlug, Names(restricted));
        var everything = await Anonymous.CkanResultAsync("package_search?rows=1000&include_private=true&include_drafts=true");
        Assert.DoesNotContain(RestrictedSlug, Names(everything));
    }

    [Fact]
    public async Task Facets_have_ckans_shape_and_honour_facet_limit()
    {
        var result = await Anonymous.CkanResultAsync($"package_search?rows=0&facet.field={Q("[\"organization\",\"groups\",\"res_format\"]")}");
        var org = result.GetProperty("search_facets").GetProperty("organization");
        Assert.Equal("organization", org.GetProperty("title").GetString());
        var item = org.GetProperty("items").EnumerateArray().First(i => i.GetProperty("name").GetString() == "sthjj");
        Assert.Equal("丽水市生态环境局", item.GetProperty("display_name").GetString());
        Assert.Equal(item.GetProperty("count").GetInt32(), result.GetProperty("facets").GetProperty("organization").GetProperty("sthjj").GetInt32());
        var sthjj = await Anonymous.CkanResultAsync("package_search?rows=1000&fq=organization:sthjj");
        Assert.Equal(item.GetProperty("count").GetInt32(), sthjj.GetProperty("count").GetInt32());
        Assert.All(sthjj.GetProperty("results").EnumerateArray(), p => Assert.Equal("sthjj", p.GetProperty("organization").GetProperty("name").GetString()));
        Assert.Contains(result.GetProperty("search_facets").GetProperty("groups").GetProperty("items").EnumerateArray(),
            i => i.GetProperty("name").GetString() == "domain-10" && i.GetProperty("display_name").GetString() == "生态环境");
        Assert.Equal(0, result.GetProperty("results").GetArrayLength());

        var limited = await Anonymous.CkanResultAsync($"package_search?facet.field={Q("[\"organization\"]")}&facet.limit=1");
        Assert.Single(limited.GetProperty("search_facets").GetProperty("organization").GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Sort_and_filter_queries_work_as_in_ckan()
    {
        var byName = await Anonymous.CkanResultAsync("package_search?rows=1000&sort=name%20asc");
        Assert.Equal(Names(byName).Order(StringComparer.Ordinal), Names(byName));
        var recent = await Anonymous.CkanResultAsync("package_search?rows=1000&sort=metadata_modified%20desc");
        var times = recent.GetProperty("results").EnumerateArray().Select(p => p.GetProperty("metadata_modified").GetString()).ToList();
        Assert.Equal(times.OrderDescending(StringComparer.Ordinal), times);
        var csvEnv = await Anonymous.CkanResultAsync($"package_search?rows=1000&fq={Q("groups:domain-10 +res_format:CSV -tags:\"不存在的标签\"")}");
        Assert.True(csvEnv.GetProperty("count").GetInt32() > 0);
        Assert.All(csvEnv.GetProperty("results").EnumerateArray(), p => Assert.Equal("domain-10", p.GetProperty("groups")[0].GetProperty("name").GetString()));
        var future = await Anonymous.CkanResultAsync($"package_search?fq={Q("metadata_modified:[2999-01-01T00:00:00Z TO *]")}");
        Assert.Equal(0, future.GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("package_search?weird_param=1", 400, "Search Query Error")]
    [InlineData("package_search?sort=metadata_modified", 400, "Search Query Error")]
    [InlineData("package_search?sort=nosuchfield%20asc", 409, "Search Error")]
    [InlineData("package_search?fq=organization:%22sthjj", 409, "Search Error")]
    [InlineData("package_search?fq=nosuchfield:x", 409, "Search Error")]
    [InlineData("package_search?facet.field=notjson", 409, "Validation Error")]
    [InlineData("package_search?rows=-1", 409, "Validation Error")]
    [InlineData("package_show?id=no-such-dataset", 404, "Not Found Error")]
    [InlineData("package_show", 409, "Validation Error")]
    [InlineData("resource_show?id=987654", 404, "Not Found Error")]
    [InlineData("datastore_search?resource_id=987654", 404, "Not Found Error")]
    [InlineData("datastore_search", 409, "Validation Error")]
    [InlineData("organization_show?id=nope", 404, "Not Found Error")]
    [InlineData("group_show?id=domain-555", 404, "Not Found Error")]
    [InlineData("package_create", 403, "Authorization Error")]
    public async Task Bad_requests_get_ckans_error_shape_and_status(string call, int status, string type)
    {
        var (code, body) = await Anonymous.CkanAsync(call);
        Assert.Equal(status, code);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal(type, body.GetProperty("error").GetProperty("__type").GetString());
        Assert.False(body.TryGetProperty("result", out _));
    }

    [Fact]
    public async Task An_unknown_action_and_a_body_that_is_not_json_are_plain_400s()
    {
        var (code, body) = await Anonymous.CkanAsync("no_such_action");
        Assert.Equal(400, code);
        Assert.Equal("Bad request - Action name not known: no_such_action", body.GetString());
        var res = await Anonymous.PostAsync("/api/3/action/package_show", new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)res.StatusCode);
        Assert.StartsWith("Bad request - JSON Error", (await res.Content.ReadFromJsonAsync<JsonElement>()).GetString());
    }

    [Fact]
    public async Task Package_show_list_organizations_groups_and_tags_describe_only_public_datasets()
    {
        var unpublished = await factory.UnpublishedDatasetAsync("CKAN未发布数据集");
        var package = await Anonymous.CkanResultAsync($"package_show?id={OpenSlug}");
        Assert.Equal(OpenSlug, package.GetProperty("name").GetString());
        Assert.Equal("active", package.GetProperty("state").GetString());
        Assert.False(package.GetProperty("private").GetBoolean());
        Assert.Equal("sthjj", package.GetProperty("organization").GetProperty("name").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$", package.GetProperty("metadata_modified").GetString());
        var byId = await Anonymous.CkanResultAsync($"package_show?id={package.GetProperty("id").GetString()}");
        Assert.Equal(OpenSlug, byId.GetProperty("name").GetString());
        Assert.Equal(404, (await Anonymous.CkanAsync($"package_show?id={RestrictedSlug}")).Status);
        Assert.Equal(404, (await Anonymous.CkanAsync($"package_show?id={unpublished}")).Status);

        var list = (await Anonymous.CkanResultAsync("package_list")).EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.Contains(OpenSlug, list);
        Assert.DoesNotContain(RestrictedSlug, list);
        Assert.DoesNotContain(unpublished, list);

        var orgs = await Anonymous.CkanResultAsync("organization_list?all_fields=true");
        var sthjj = orgs.EnumerateArray().Single(o => o.GetProperty("name").GetString() == "sthjj");
        Assert.True(sthjj.GetProperty("is_organization").GetBoolean());
        var shown = await Anonymous.CkanResultAsync("organization_show?id=sthjj&include_datasets=true");
        Assert.Equal(sthjj.GetProperty("package_count").GetInt32(), shown.GetProperty("package_count").GetInt32());
        Assert.DoesNotContain(unpublished, shown.GetProperty("packages").EnumerateArray().Select(p => p.GetProperty("name").GetString()));

        var groups = (await Anonymous.CkanResultAsync("group_list")).EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.Equal(22, groups.Count);
        var environment = await Anonymous.CkanResultAsync("group_show?id=domain-10");
        Assert.Equal("生态环境", environment.GetProperty("title").GetString());
        Assert.False(environment.GetProperty("is_organization").GetBoolean());
        Assert.Contains("空气质量", (await Anonymous.CkanResultAsync("tag_list")).EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("2.11.0", (await Anonymous.CkanResultAsync("status_show")).GetProperty("ckan_version").GetString());
    }

    [Fact]
    public async Task Resource_urls_follow_the_anonymous_download_setting()
    {
        var package = await Anonymous.CkanResultAsync($"package_show?id={OpenSlug}");
        var resource = package.GetProperty("resources")[0];
        Assert.EndsWith($"/datasets/{OpenSlug}#download", resource.GetProperty("url").GetString());
        await factory.SetAnonymousDownloadAsync(true);
        try
        {
            var shown = await Anonymous.CkanResultAsync($"resource_show?id={resource.GetProperty("id").GetString()}");
            var url = shown.GetProperty("url").GetString()!;
            Assert.Contains("/download?format=original&acceptAgreement=true", url);
            Assert.Equal(200, (int)(await Anonymous.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
        }
        finally { await factory.SetAnonymousDownloadAsync(false); }
    }

    [Fact]
    public async Task Ckanapi_style_posts_with_a_json_body_work_on_both_routes()
    {
        var res = await Anonymous.PostAsJsonAsync("/api/action/package_search", new { q = "空气", rows = 2, facet_field = (string?)null });
        Assert.Equal(400, (int)res.StatusCode); // facet_field is not a CKAN parameter: rejected like any unknown one
        res = await Anonymous.PostAsJsonAsync("/api/action/package_search", new Dictionary<string, object> { ["q"] = "空气", ["rows"] = 2, ["facet.field"] = new[] { "tags" } });
        var body = await res.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("success").GetBoolean(), body.ToString());
        Assert.True(body.GetProperty("result").GetProperty("search_facets").GetProperty("tags").GetProperty("items").GetArrayLength() > 0);
    }

    private async Task<string> OpenResourceIdAsync() =>
        (await Anonymous.CkanResultAsync($"package_show?id={OpenSlug}")).GetProperty("resources")[0].GetProperty("id").GetString()!;

    private static List<string> Names(JsonElement result) =>
        result.GetProperty("results").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();

    private static readonly JsonSerializerOptions DatasetTestKitJson = new(JsonSerializerDefaults.Web);
}

public sealed class CkanApiTestsSqlite(SqlitePortalFactory f) : CkanApiTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class CkanApiTestsPostgres(PostgresPortalFactory f) : CkanApiTests(f), IClassFixture<PostgresPortalFactory>;
