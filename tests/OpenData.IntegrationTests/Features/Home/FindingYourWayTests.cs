using System.Net;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Infrastructure.Auth;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Admin.BackOfficeKit;

namespace OpenData.IntegrationTests.Features.Home;

/// <summary>Issue 19, finding your way: the menu's order, the links to 数据目录 and to each role's workplace, public agreements.</summary>
public abstract class FindingYourWayTests(PortalFactory factory)
{
    [Fact]
    public async Task Main_menu_lists_every_area_in_the_agreed_order()
    {
        var html = await factory.CreateClient().GetStringAsync("/datasets");
        var nav = html[html.IndexOf("aria-label=\"主导航\"", StringComparison.Ordinal)..html.IndexOf("</nav>", StringComparison.Ordinal)];
        string[] expected = ["首页", "数据开放", "接口服务", "应用成果", "地图服务", "开发者中心", "政策动态", "互动交流"];
        var positions = expected.Select(label => nav.IndexOf($">{label}</a>", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order().ToList(), positions);
    }

    [Fact]
    public async Task Catalog_is_linked_from_the_datasets_area_and_the_home_page()
    {
        Assert.Contains("<a class=\"btn btn-outline-primary\" href=\"/catalog\" id=\"catalog-link\">", await factory.CreateClient().GetStringAsync("/datasets"));
        Assert.Contains("href=\"/catalog\" class=\"small\" id=\"home-catalog-link\"", await factory.CreateClient().GetStringAsync("/"));
    }

    [Fact]
    public async Task User_menu_links_each_role_to_its_workplace()
    {
        var anonymous = await factory.CreateClient().GetStringAsync("/");
        Assert.DoesNotContain("id=\"menu-manage\"", anonymous);
        Assert.DoesNotContain("id=\"menu-admin\"", anonymous);

        var (provider, _) = await SignedInAsync(factory, Roles.Provider, "dsjj");
        var providerHome = await provider.GetStringAsync("/");
        Assert.Contains("<a href=\"/manage\" class=\"text-white text-decoration-none small\" id=\"menu-manage\">", providerHome);
        Assert.DoesNotContain("id=\"menu-admin\"", providerHome);
        var manage = await provider.GetAsync("/manage");
        Assert.Equal("/manage/datasets", manage.Target());
        Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync("/manage/datasets")).StatusCode);

        var (user, _) = await SignedInAsync(factory);
        var userHome = await user.GetStringAsync("/");
        Assert.DoesNotContain("id=\"menu-manage\"", userHome);
        Assert.DoesNotContain("id=\"menu-admin\"", userHome);

        foreach (var role in new[] { Roles.Admin, Roles.Reviewer, Roles.Auditor })
        {
            var (backOffice, _) = await BackOfficeClientAsync(factory, role);
            var home = await backOffice.GetStringAsync("/");
            Assert.Contains("<a href=\"/admin\" class=\"text-white text-decoration-none small\" id=\"menu-admin\">", home);
            Assert.Equal(HttpStatusCode.OK, (await backOffice.GetAsync("/admin")).StatusCode);
        }
    }

    [Theory]
    [InlineData("download", "数据下载协议")]
    [InlineData("api", "接口服务协议")]
    public async Task Agreements_are_public_documents_linked_from_the_footer(string kind, string label)
    {
        var client = factory.CreateBrowserClient();
        var res = await client.GetAsync($"/agreements/{kind}");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains("id=\"agreement-public\"", html);
        Assert.Contains("<ol class=\"agreement-text\"><li>", html);
        Assert.DoesNotContain("同意并继续", html);
        Assert.Contains($"<a href=\"/agreements/{kind}\">{label}</a>", await factory.CreateClient().GetStringAsync("/"));
    }
}

public sealed class FindingYourWayTestsSqlite(SqlitePortalFactory f) : FindingYourWayTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class FindingYourWayTestsPostgres(PostgresPortalFactory f) : FindingYourWayTests(f), IClassFixture<PostgresPortalFactory>;
