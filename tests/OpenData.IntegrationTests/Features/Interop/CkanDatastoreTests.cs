using System.Net.Http.Json;
using System.Text.Json;
using OpenData.IntegrationTests.Features.Datasets;
using OpenData.IntegrationTests.Infrastructure;
using static OpenData.IntegrationTests.Features.Interop.InteropKit;

namespace OpenData.IntegrationTests.Features.Interop;

/// <summary>datastore_search: the preview's rows and rules, in CKAN's shape.</summary>
public abstract class CkanDatastoreTests(PortalFactory factory)
{
    private HttpClient Anonymous => factory.CreateClient();

    private async Task<(string Id, JsonElement Package)> ResourceAsync(string slug)
    {
        var d = await Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{slug}");
        return (d.GetProperty("resources")[0].GetProperty("id").GetInt32().ToString(), d);
    }

    [Fact]
    public async Task Default_limit_is_100_with_total_and_fields_typed_as_in_ckan()
    {
        var (id, _) = await ResourceAsync(OpenSlug);
        var result = await Anonymous.CkanResultAsync($"datastore_search?resource_id={id}");
        Assert.Equal(100, result.GetProperty("records").GetArrayLength());
        Assert.Equal(100, result.GetProperty("limit").GetInt32());
        var preview = await Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{OpenSlug}/resources/{id}/rows?pageSize=1");
        Assert.Equal(preview.GetProperty("total").GetInt64(), result.GetProperty("total").GetInt64());
        var fields = result.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("type").GetString());
        Assert.Equal("int", fields["AQI"]);
        Assert.Equal("date", fields["日期"]);
        Assert.Equal("text", fields["区县"]);
        Assert.StartsWith("/api/3/action/datastore_search?resource_id=", result.GetProperty("_links").GetProperty("next").GetString());
    }

    [Fact]
    public async Task An_offset_window_across_preview_pages_returns_exactly_the_previews_rows()
    {
        var (id, _) = await ResourceAsync(OpenSlug);
        var window = await Anonymous.CkanResultAsync($"datastore_search?resource_id={id}&offset=15&limit=20&sort={Q("AQI desc")}");
        var p1 = await Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{OpenSlug}/resources/{id}/rows?page=2&pageSize=15&sort={Q("AQI:desc")}");
        var p2 = await Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{OpenSlug}/resources/{id}/rows?page=3&pageSize=15&sort={Q("AQI:desc")}");
        var expected = p1.GetProperty("items").EnumerateArray().Concat(p2.GetProperty("items").EnumerateArray().Take(5)).Select(r => r.ToString()).ToList();
        Assert.Equal(expected, window.GetProperty("records").EnumerateArray().Select(r => r.ToString()).ToList());
    }

    [Fact]
    public async Task Filters_q_fields_and_include_total_narrow_the_rows()
    {
        var (id, _) = await ResourceAsync(OpenSlug);
        var filters = Q("{\"区县\":[\"莲都区\",\"青田县\"]}");
        var filtered = await Anonymous.CkanResultAsync($"datastore_search?resource_id={id}&filters={filters}&fields={Q("区县,AQI")}&limit=1000");
        var records = filtered.GetProperty("records").EnumerateArray().ToList();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Contains(r.GetProperty("区县").GetString(), new[] { "莲都区", "青田县" }));
        Assert.All(records, r => Assert.Equal(["区县", "AQI"], r.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(records.Count, filtered.GetProperty("total").GetInt32());

        var text = await Anonymous.CkanResultAsync($"datastore_search?resource_id={id}&q={Q("莲都")}&limit=1000");
        Assert.Equal(records.Count(r => r.GetProperty("区县").GetString() == "莲都区"), text.GetProperty("total").GetInt32());
        var noTotal = await Anonymous.CkanResultAsync($"datastore_search?resource_id={id}&include_total=false&limit=3");
        Assert.False(noTotal.TryGetProperty("total", out _));
        Assert.Equal(3, noTotal.GetProperty("records").GetArrayLength());
    }

    [Theory]
    [InlineData("limit=-1", "limit")]
    [InlineData("offset=-5", "offset")]
    [InlineData("limit=abc", "limit")]
    [InlineData("filters=%7Bbad", "filters")]
    [InlineData("filters=%7B%22%E6%B2%A1%E6%9C%89%22%3A1%7D", "filters")]
    [InlineData("sort=AQI%20sideways", "sort")]
    [InlineData("fields=%E6%B2%A1%E6%9C%89", "fields")]
    [InlineData("weird=1", "weird")]
    public async Task Bad_parameters_are_409_validation_errors_naming_the_parameter(string query, string field)
    {
        var (id, _) = await ResourceAsync(OpenSlug);
        var (status, body) = await Anonymous.CkanAsync($"datastore_search?resource_id={id}&{query}");
        Assert.Equal(409, status);
        Assert.Equal("Validation Error", body.GetProperty("error").GetProperty("__type").GetString());
        Assert.True(body.GetProperty("error").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task Restricted_and_unpublished_resources_are_not_found_even_for_their_provider()
    {
        var (restricted, _) = await ResourceAsync(RestrictedSlug);
        var (status, body) = await Anonymous.CkanAsync($"datastore_search?resource_id={restricted}");
        Assert.Equal(404, status);
        Assert.DoesNotContain("records", body.ToString());
        var provider = await factory.ClientForAsync("provider");
        var slug = await factory.UnpublishedDatasetAsync("CKAN未发布数据表");
        var d = await provider.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{slug}");
        var id = d.GetProperty("resources")[0].GetProperty("id").GetInt32();
        Assert.Equal(404, (await provider.CkanAsync($"datastore_search?resource_id={id}")).Status);
        Assert.Equal(404, (await provider.CkanAsync($"resource_show?id={id}")).Status);
    }
}

public sealed class CkanDatastoreTestsSqlite(SqlitePortalFactory f) : CkanDatastoreTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class CkanDatastoreTestsPostgres(PostgresPortalFactory f) : CkanDatastoreTests(f), IClassFixture<PostgresPortalFactory>;
