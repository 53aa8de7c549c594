using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.IntegrationTests.Features.Datasets.Pages;

/// <summary>/datasets, /datasets/{slug} and /catalog as a visitor sees them (demo catalog).</summary>
public abstract class DatasetPublicPagesTests(PortalFactory factory)
{
    private const string Air = "kongqi-zhiliang-ribao";

    private async Task<T> WithQueriesAsync<T>(Func<DatasetQueries, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<DatasetQueries>());
    }

    [Fact]
    public async Task List_renders_the_cards_in_order_with_facet_counts_and_links_that_keep_the_query_state()
    {
        var expected = await WithQueriesAsync(q => q.SearchAsync(new DatasetSearchRequest { Org = "sthjj", Sort = "views", PageSize = 10 }));
        Assert.True(expected.Total >= 2);
        var html = await factory.CreateClient().GetStringAsync("/datasets?org=sthjj&sort=views");

        Assert.Contains($"共 <strong class=\"text-body\">{expected.Total}</strong> 个数据集", html);
        var positions = expected.Items.Select(i => html.IndexOf($"href=\"/datasets/{i.Slug}\"", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        var domain = expected.Facets["domain"][0];
        Assert.Contains($"<span class=\"facet-label\">{domain.Label}</span><span class=\"facet-count\">{domain.Count}</span>", html);

        var links = PageKit.Links(html);
        Assert.Contains($"/datasets?org=sthjj&domain={domain.Value}&sort=views", links); // a facet keeps the other filters and sort
        Assert.Contains("/datasets?org=sthjj&sort=downloads", links);                       // a sort tab keeps the filters
        Assert.Contains("/datasets?sort=views", links);                                     // the chip removes only its filter
        Assert.Contains("已选条件", html);
        Assert.Contains($"/datasets/{expected.Items[0].Slug}#preview", links);
        Assert.Contains($"action=\"/interact/act/dataset/{expected.Items[0].Slug}/favorite\"", html); // 收藏 on every card (interaction feature)
        var timely = expected.Items.First(i => i.Timeliness.Status != "irregular");
        var card = html[html.IndexOf($"href=\"/datasets/{timely.Slug}\"", StringComparison.Ordinal)..];
        Assert.Contains($">{timely.Timeliness.Label}</span>", card[..card.IndexOf("</article>", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task List_pages_through_results_and_finds_by_chinese_keyword()
    {
        var client = factory.CreateClient();
        var all = await client.GetStringAsync("/datasets");
        Assert.Contains("/datasets?page=2", PageKit.Links(all));
        var page2 = await client.GetStringAsync("/datasets?page=2");
        Assert.Contains("aria-current=\"page\"><span class=\"page-link\">2</span>", page2);

        var air = await client.GetStringAsync("/datasets?q=" + Uri.EscapeDataString("空气"));
        Assert.Contains("丽水市空气质量日报", air);
        Assert.DoesNotContain("婚姻登记机关", air);
        var none = await client.GetStringAsync("/datasets?q=" + Uri.EscapeDataString("不存在的词语组合"));
        Assert.Contains("没有找到符合条件的数据集", none);
    }

    [Fact]
    public async Task Detail_renders_metadata_fields_versions_related_and_graph_json_and_counts_the_view()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var before = await db.Datasets.Where(d => d.Slug == Air).Select(d => d.ViewCount).SingleAsync();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0");
        var html = await client.GetStringAsync($"/datasets/{Air}");

        Assert.Contains("<h1 id=\"ds-title\" class=\"h3 mb-2\">丽水市空气质量日报</h1>", html);
        Assert.Contains("丽水市生态环境局", html);
        Assert.Contains("<dt>更新频率</dt><dd>每日", html);
        Assert.Contains("<th scope=\"row\">PM2.5</th>", html);
        Assert.Contains("第 3 版（当前）", html);
        Assert.Contains("第 1 版", html);
        Assert.Contains("关联原因：", html);
        Assert.Contains("data-graph=\"{&quot;categories&quot;:[&quot;数据集&quot;", html);
        Assert.Contains("js/dataset-graph.js", html);
        Assert.Contains("请登录后下载", html); // anonymous download is off by default
        var after = await db.Datasets.Where(d => d.Slug == Air).Select(d => d.ViewCount).SingleAsync();
        Assert.Equal(before + 1, after);
        Assert.Contains($"<dt>浏览量</dt><dd>{OpenData.Web.Features.Datasets.Pages.Show.Count(after)}</dd>", html); // includes this visit
    }

    [Fact]
    public async Task Unpublished_dataset_is_a_404_for_the_public_but_visible_to_its_provider()
    {
        var provider = new ClaimsPrincipal(new ClaimsIdentity(
            [new(ClaimTypes.NameIdentifier, "x"), new(ClaimTypes.Role, Roles.Provider), new(PortalClaims.DepartmentCode, "sthjj")], "Test"));
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<DatasetCommands>().CreateAsync(new DatasetInput
        {
            Title = "尚未发布的噪声数据", Organization = "sthjj", Domain = 6, OpenCondition = "open", UpdateFrequency = "monthly",
        }, provider);
        Assert.True(created.Ok);

        var res = await factory.CreateClient().GetAsync($"/datasets/{created.Value!.Slug}");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        Assert.Contains("页面不存在", await res.Content.ReadAsStringAsync());
        Assert.DoesNotContain("尚未发布的噪声数据", await factory.CreateClient().GetStringAsync("/datasets?org=sthjj"));

        var own = await PageKit.ClientForAsync(factory, "provider");
        var mine = await own.GetStringAsync($"/datasets/{created.Value.Slug}");
        Assert.Contains("未发布（仅管理者可见）", mine);
    }

    [Fact]
    public async Task Catalog_filters_by_department_and_lists_field_names()
    {
        var expected = await WithQueriesAsync(q => q.CatalogAsync(new CatalogRequest { Org = "sthjj", PageSize = 20 }));
        var html = await factory.CreateClient().GetStringAsync("/catalog?org=sthjj");
        Assert.Contains($"共 <strong class=\"text-body\">{expected.Total}</strong> 条目录", html);
        Assert.Contains("<option value=\"sthjj\" selected", html);
        Assert.Contains("丽水市空气质量日报", html);
        Assert.Contains("PM2.5", html);
        Assert.DoesNotContain("婚姻登记机关", html);
        var all = await WithQueriesAsync(q => q.CatalogAsync(new CatalogRequest { PageSize = 20 }));
        Assert.True(all.Total > expected.Total);
        Assert.Contains($"共 <strong class=\"text-body\">{all.Total}</strong> 条目录", await factory.CreateClient().GetStringAsync("/catalog?page=junk"));
    }
}

public sealed class DatasetPublicPagesTestsSqlite(SqlitePortalFactory f) : DatasetPublicPagesTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class DatasetPublicPagesTestsPostgres(PostgresPortalFactory f) : DatasetPublicPagesTests(f), IClassFixture<PostgresPortalFactory>;
