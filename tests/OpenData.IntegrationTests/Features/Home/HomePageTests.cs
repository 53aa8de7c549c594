using System.Net;
using OpenData.IntegrationTests.Infrastructure;

namespace OpenData.IntegrationTests.Features.Home;

public abstract class HomePageTests(PortalFactory factory)
{
    [Fact]
    public async Task Home_shows_the_frame_and_the_domains()
    {
        var html = await factory.CreateClient().GetStringAsync("/");
        Assert.Contains("丽水市公共数据开放平台", html);
        Assert.Contains("信用服务", html);
        Assert.Contains("地理空间", html);
        Assert.Contains("开放部门", html);
    }

    [Fact]
    public async Task Unknown_page_is_a_chinese_404_inside_the_frame()
    {
        var res = await factory.CreateClient().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html);
        Assert.Contains("丽水市公共数据开放平台", html);
    }

    [Fact]
    public async Task Unknown_api_route_is_problem_json()
    {
        var res = await factory.CreateClient().GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_healthz_answers()
    {
        var res = await factory.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var csp = res.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline'; img", csp.Split("script-src")[1].Split(';')[0] + "; img");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", res.Headers.GetValues("X-Content-Type-Options").Single());
    }
}

public sealed class HomePageTestsSqlite(SqlitePortalFactory f) : HomePageTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class HomePageTestsPostgres(PostgresPortalFactory f) : HomePageTests(f), IClassFixture<PostgresPortalFactory>;
