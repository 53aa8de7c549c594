using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OpenData.IntegrationTests.Infrastructure;
using static OpenData.IntegrationTests.Features.Interop.InteropKit;

namespace OpenData.IntegrationTests.Features.Interop;

/// <summary>sitemap.xml, robots.txt, the Atom feed and its autodiscovery, schema.org JSON-LD and datapackage.json.</summary>
public abstract partial class DiscoveryTests(PortalFactory factory)
{
    private HttpClient Anonymous => factory.CreateClient();

    [Fact]
    public async Task The_sitemap_lists_every_public_dataset_and_api_page_with_lastmod_and_nothing_private()
    {
        var res = await Anonymous.GetAsync("/sitemap.xml");
        Assert.Equal("application/xml", res.Content.Headers.ContentType!.MediaType);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = XDocument.Parse(await res.Content.ReadAsStringAsync()).Root!.Elements(ns + "url")
            .Select(u => (Loc: u.Element(ns + "loc")!.Value, LastMod: u.Element(ns + "lastmod")?.Value)).ToList();
        Assert.All(urls, u => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", u.LastMod));
        var paths = urls.Select(u => new Uri(u.Loc).PathAndQuery).ToList();
        Assert.Contains("/", paths);
        Assert.Contains("/datasets", paths);
        var packages = (await Anonymous.CkanResultAsync("package_list")).EnumerateArray().Select(x => "/datasets/" + x.GetString()).ToList();
        Assert.All(packages, p => Assert.Contains(p, paths));
        Assert.Equal(packages.Count, paths.Count(p => p.StartsWith("/datasets/")));
        var api = (await Anonymous.CkanResultAsync($"package_show?id={OpenSlug}")).GetProperty("resources")[0].GetProperty("api_code").GetString();
        Assert.Contains("/apis/" + api, paths);
        Assert.DoesNotContain(paths, p => p.Contains(RestrictedSlug) || p.StartsWith("/admin") || p.StartsWith("/me") || p.StartsWith("/manage"));
    }

    [Fact]
    public async Task Robots_keeps_crawlers_out_of_admin_and_personal_pages_and_names_the_sitemap()
    {
        var text = await Anonymous.GetStringAsync("/robots.txt");
        foreach (var path in new[] { "/admin", "/me", "/manage", "/account" }) Assert.Contains($"Disallow: {path}\n", text);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", text);
    }

    [Fact]
    public async Task A_first_publication_produces_a_feed_entry_and_pages_advertise_the_feed()
    {
        var slug = await factory.UnpublishedDatasetAsync("订阅源首发数据集");
        Assert.DoesNotContain($"/datasets/{slug}<", await Anonymous.GetStringAsync("/feed.atom"));
        await factory.PublishAsync(slug);

        var res = await Anonymous.GetAsync("/feed.atom");
        Assert.Equal("application/atom+xml", res.Content.Headers.ContentType!.MediaType);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(await res.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(atom + "feed", feed.Name);
        var entries = feed.Elements(atom + "entry").ToList();
        var entry = entries.Single(e => e.Element(atom + "id")!.Value == $"http://localhost/datasets/{slug}");
        Assert.Equal("新发布数据集：订阅源首发数据集", entry.Element(atom + "title")!.Value);
        Assert.Same(entries[0], entry); // the newest change comes first
        Assert.All(entries, e => Assert.NotNull(e.Element(atom + "updated")));
        Assert.DoesNotContain(entries, e => e.Element(atom + "id")!.Value.Contains(RestrictedSlug));

        foreach (var page in new[] { "/", $"/datasets/{OpenSlug}" })
            Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"丽水市公共数据开放平台 - 数据集与接口更新\" href=\"/feed.atom\"",
                await Anonymous.GetStringAsync(page));
    }

    [Fact]
    public async Task Dataset_pages_carry_schema_org_dataset_json_ld_and_restricted_ones_do_not()
    {
        var html = await Anonymous.GetStringAsync($"/datasets/{OpenSlug}");
        var json = JsonLd().Match(html);
        Assert.True(json.Success, "no schema.org JSON-LD in the page");
        var d = JsonDocument.Parse(json.Groups[1].Value).RootElement;
        Assert.Equal("Dataset", d.GetProperty("@type").GetString());
        foreach (var key in new[] { "name", "description", "url", "identifier", "keywords", "license", "creator", "spatialCoverage", "temporalCoverage", "includedInDataCatalog" })
            Assert.True(d.TryGetProperty(key, out _), "missing " + key);
        Assert.Equal("丽水市空气质量日报", d.GetProperty("name").GetString());
        Assert.Equal("DataCatalog", d.GetProperty("includedInDataCatalog").GetProperty("@type").GetString());
        var distribution = d.GetProperty("distribution")[0];
        Assert.Equal("text/csv", distribution.GetProperty("encodingFormat").GetString());
        Assert.StartsWith("http://localhost/", distribution.GetProperty("contentUrl").GetString());
        Assert.Contains($"href=\"/datasets/{OpenSlug}.ttl\"", html);
        Assert.Contains($"href=\"/datasets/{OpenSlug}/datapackage.json\"", html);
        Assert.Single(Regex.Matches(html, "<meta name=\"description\""));

        var restricted = await Anonymous.GetStringAsync($"/datasets/{RestrictedSlug}");
        Assert.DoesNotContain("application/ld+json", restricted);
        Assert.DoesNotContain($"/datasets/{RestrictedSlug}.ttl", restricted);
    }

    [Fact]
    public async Task Datapackage_has_a_table_schema_built_from_the_field_dictionary()
    {
        var dataset = await Anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{OpenSlug}");
        var package = await Anonymous.GetFromJsonAsync<JsonElement>($"/datasets/{OpenSlug}/datapackage.json");
        Assert.Equal("tabular-data-package", package.GetProperty("profile").GetString());
        Assert.Equal(OpenSlug, package.GetProperty("name").GetString());
        var resource = package.GetProperty("resources")[0];
        Assert.Equal("tabular-data-resource", resource.GetProperty("profile").GetString());
        Assert.Matches("^[a-z0-9._-]+$", resource.GetProperty("name").GetString());
        var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
        var dictionary = dataset.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(dictionary.Select(f => f.GetProperty("name").GetString()), fields.Select(f => f.GetProperty("name").GetString()));
        var types = fields.ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("type").GetString());
        Assert.Equal("integer", types["AQI"]);
        Assert.Equal("date", types["日期"]);
        Assert.Equal("number", types["一氧化碳"]);

        // The CSV the package points at has exactly the schema's columns, in order.
        await factory.SetAnonymousDownloadAsync(true);
        try
        {
            var csv = await Anonymous.GetStringAsync(new Uri(resource.GetProperty("path").GetString()!).PathAndQuery);
            Assert.Equal(string.Join(',', types.Keys), csv.TrimStart('\uFEFF').Split('\n')[0].TrimEnd('\r'));
        }
        finally { await factory.SetAnonymousDownloadAsync(false); }
        Assert.Equal(404, (int)(await Anonymous.GetAsync($"/datasets/{RestrictedSlug}/datapackage.json")).StatusCode);
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();
}

public sealed class DiscoveryTestsSqlite(SqlitePortalFactory f) : DiscoveryTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class DiscoveryTestsPostgres(PostgresPortalFactory f) : DiscoveryTests(f), IClassFixture<PostgresPortalFactory>;
