using System.Net;
using System.Net.Http.Json;
using OpenData.IntegrationTests.Infrastructure;
using static OpenData.IntegrationTests.Features.Datasets.DatasetTestKit;

namespace OpenData.IntegrationTests.Features.Datasets;

/// <summary>The catalog search over the demo catalog: segmentation, ranking, facets and sorts.</summary>
public abstract class DatasetSearchTests(PortalFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("空气", "丽水市空气质量日报")]
    [InlineData("监测点", "自来水监测点")]
    [InlineData("学区", "中小学学区划分")]
    [InlineData("PM2.5", "丽水市空气质量日报")]
    public async Task A_word_finds_the_datasets_whose_title_contains_it(string q, string title)
    {
        var r = await _client.SearchAsync("q=" + Q(q));
        Assert.Contains(r.Items, i => i.Title == title);
        Assert.All(r.Items, i => Assert.True(i.Title.Contains(q) || i.Summary.Contains(q) || i.Tags.Any(t => t.Contains(q)),
            $"{i.Title} does not mention {q} in title, summary or tags"));
    }

    [Fact]
    public async Task Air_finds_only_air_quality_datasets_and_ranks_title_matches_first()
    {
        var r = await _client.SearchAsync("q=" + Q("空气"));
        Assert.Equal(2, r.Total);
        Assert.All(r.Items, i => Assert.Contains("空气质量", i.Title));
    }

    [Fact]
    public async Task A_field_name_finds_the_datasets_that_have_that_field()
    {
        var r = await _client.SearchAsync("q=" + Q("经度") + "&pageSize=100");
        Assert.True(r.Total >= 20, $"only {r.Total} datasets with 经度");
        Assert.Contains(r.Items, i => i.Title == "星级饭店名录");
        Assert.DoesNotContain(r.Items, i => i.Title == "丽水市空气质量日报");
    }

    [Theory]
    [InlineData("宇宙飞船")]
    [InlineData("quantum")]
    public async Task A_word_in_no_dataset_finds_nothing(string q)
    {
        var r = await _client.SearchAsync("q=" + Q(q));
        Assert.Equal(0, r.Total);
        Assert.Empty(r.Items);
    }

    [Fact]
    public async Task The_city_name_finds_the_datasets_of_its_departments_and_a_domain_name_its_datasets()
    {
        var all = await _client.SearchAsync("pageSize=1");
        var city = await _client.SearchAsync("q=" + Q("丽水") + "&pageSize=1");
        Assert.True(city.Total * 10 >= all.Total * 9, $"丽水 found {city.Total} of {all.Total}");
        var domain = all.Facets["domain"].OrderByDescending(f => f.Count).First();
        var byName = await _client.SearchAsync("q=" + Q(domain.Label) + "&pageSize=1");
        Assert.True(byName.Total >= domain.Count, $"{domain.Label} found {byName.Total}, the facet counts {domain.Count}");
    }

    [Fact]
    public async Task A_search_that_finds_nothing_suggests_words_that_do()
    {
        Assert.Equal(0, (await _client.SearchAsync("q=" + Q("空气质里报表"))).Total);
        var html = await _client.GetStringAsync("/datasets?q=" + Q("空气质里报表"));
        Assert.Contains("您可以试试", html);
        Assert.Contains("丽水市空气质量日报", html);
        var none = await _client.GetStringAsync("/datasets?q=quantum");
        Assert.DoesNotContain("您可以试试", none);
    }

    [Fact]
    public async Task Facet_counts_match_the_totals_of_the_filtered_lists()
    {
        var all = await _client.SearchAsync("pageSize=1");
        Assert.True(all.Total >= 60);
        Assert.Equal(all.Total, all.Facets["org"].Sum(f => f.Count));
        Assert.Equal(all.Total, all.Facets["domain"].Sum(f => f.Count));
        Assert.Equal(all.Total, all.Facets["open"].Sum(f => f.Count));
        Assert.True(all.Facets["org"].Count >= 15 && all.Facets["domain"].Count >= 15);
        var sthjj = all.Facets["org"].Single(f => f.Value == "sthjj");
        Assert.Equal("丽水市生态环境局", sthjj.Label);
        var filtered = await _client.SearchAsync("org=sthjj&pageSize=50");
        Assert.Equal(sthjj.Count, filtered.Total);
        Assert.All(filtered.Items, i => Assert.Equal("sthjj", i.Organization));
        // The org facet stays complete under its own filter; the others narrow to it.
        Assert.Equal(all.Facets["org"].Count, filtered.Facets["org"].Count);
        Assert.Equal(sthjj.Count, filtered.Facets["domain"].Sum(f => f.Count));
        var restricted = await _client.SearchAsync("open=restricted&format=CSV");
        Assert.Equal(all.Facets["open"].Single(f => f.Value == "restricted").Count, restricted.Total);
        Assert.All(restricted.Items, i => Assert.Equal("有条件开放", i.OpenConditionLabel));
    }

    [Theory]
    [InlineData("views")]
    [InlineData("downloads")]
    [InlineData("capacity")]
    [InlineData("updated")]
    public async Task Sorts_order_the_list_by_their_measure(string sort)
    {
        var r = await _client.SearchAsync($"sort={sort}&pageSize=30");
        Func<OpenData.Web.Features.Datasets.DatasetCardDto, double> key = sort switch
        {
            "views" => i => i.ViewCount, "downloads" => i => i.DownloadCount, "capacity" => i => i.Capacity,
            _ => i => i.UpdatedAt.UtcTicks,
        };
        var values = r.Items.Select(key).ToList();
        Assert.Equal(values.OrderDescending().ToList(), values);
        Assert.True(values[0] > values[^1], "a sort over different values must change something");
    }

    [Fact]
    public async Task Organizations_and_domains_list_with_published_counts()
    {
        var orgs = await _client.GetFromJsonAsync<List<OpenData.Web.Features.Datasets.OrganizationDto>>("/api/v1/organizations", Json);
        Assert.True(orgs!.Count(o => o.DatasetCount > 0) >= 15);
        var domains = await _client.GetFromJsonAsync<List<OpenData.Web.Features.Datasets.DomainDto>>("/api/v1/domains", Json);
        Assert.Equal(22, domains!.Count);
        Assert.True(domains.Count(d => d.DatasetCount > 0) >= 15);
    }

    [Fact]
    public async Task Detail_shows_timeliness_from_frequency_and_last_update()
    {
        var daily = await _client.GetFromJsonAsync<OpenData.Web.Features.Datasets.DatasetDetailDto>("/api/v1/datasets/kongqi-zhiliang-ribao", Json);
        Assert.Equal("on-time", daily!.Timeliness.Status);
        Assert.Equal("按时更新", daily.Timeliness.Label);
        // Declared daily, last updated 12 days ago.
        var late = await _client.GetFromJsonAsync<OpenData.Web.Features.Datasets.DatasetDetailDto>("/api/v1/datasets/shuiwei-shishi", Json);
        Assert.Equal("overdue", late!.Timeliness.Status);
        Assert.Equal("逾期", late.Timeliness.Label);
        var cards = await _client.SearchAsync("q=" + Q("水位"));
        Assert.Equal("overdue", cards.Items.Single(i => i.Slug == "shuiwei-shishi").Timeliness.Status);
        Assert.True(daily.IsSample);
        Assert.Equal(3, daily.Resources[0].Versions.Count);
        Assert.NotNull(daily.Sample);
        Assert.Contains("AQI", daily.Sample!.Columns);
    }

    [Fact]
    public async Task Catalog_lists_resources_by_department_with_field_summary()
    {
        var res = await _client.GetAsync("/api/v1/catalog?org=jyj");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var r = await res.ReadAsync<OpenData.Web.Features.Datasets.CatalogResult>();
        Assert.True(r.Total >= 3);
        Assert.All(r.Items, i => Assert.Equal("丽水市教育局", i.OrganizationName));
        Assert.Contains(r.Items, i => i.Title == "中小学学区划分" && i.FieldNames.Contains("学区范围"));
        Assert.Contains(r.Departments, d => d.Value == "sthjj");
    }

    [Fact]
    public async Task Graph_links_the_dataset_to_its_department_domain_tags_fields_and_related_datasets()
    {
        var g = await _client.GetFromJsonAsync<OpenData.Web.Features.Datasets.DatasetGraphDto>("/api/v1/datasets/kongqi-zhiliang-ribao/graph", Json);
        Assert.Contains(g!.Nodes, n => n.Category == 1 && n.Link == "/datasets?org=sthjj");
        Assert.Contains(g.Nodes, n => n.Category == 2 && n.Name == "生态环境");
        Assert.Contains(g.Nodes, n => n.Category == 4 && n.Name == "AQI");
        Assert.Contains(g.Nodes, n => n.Category == 5 && n.Link == "/datasets/kongqi-jiance-zhandian");
        Assert.Equal(g.Nodes.Count - 1, g.Links.Count);
    }
}

public sealed class DatasetSearchTestsSqlite(SqlitePortalFactory f) : DatasetSearchTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class DatasetSearchTestsPostgres(PostgresPortalFactory f) : DatasetSearchTests(f), IClassFixture<PostgresPortalFactory>;
