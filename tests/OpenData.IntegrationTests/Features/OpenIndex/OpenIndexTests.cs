using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Features.DataApis;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.OpenIndex;
using OpenData.Web.Infrastructure.Auth;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Showcase.ShowcaseKit;

namespace OpenData.IntegrationTests.Features.OpenIndex;

/// <summary>Issue 18, 开放指数: access events, the rollup, the page, its JSON API and CSV, the workbench view, bad input.</summary>
public abstract class OpenIndexTests(PortalFactory factory)
{
    private static async Task<JsonElement> IndexAsync(HttpClient client, string query = "range=30d")
    {
        var res = await client.GetAsync($"/api/v1/open-index?{query}");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        return await Json(res);
    }

    private static long CountOf(JsonElement list, string keyProperty, string key, string countProperty = "count") =>
        list.EnumerateArray().Where(e => e.GetProperty(keyProperty).GetString() == key).Select(e => e.GetProperty(countProperty).GetInt64()).FirstOrDefault();

    [Fact]
    public async Task Searches_views_downloads_and_api_calls_reach_the_charts_after_the_rollup_and_crawlers_do_not()
    {
        var word = "oi" + Guid.NewGuid().ToString("N")[..8];
        var (user, me) = await SignedInAsync(factory);
        await WithDbAsync(factory, db => db.Users.Where(u => u.Id == me.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Industry, "金融").SetProperty(u => u.Occupation, "数据分析")));
        var anon = factory.CreateClient();
        anon.DefaultRequestHeaders.Referrer = new Uri("https://news.example.org/article/1");
        anon.DefaultRequestHeaders.UserAgent.ParseAdd("OpenIndexTest/" + word); // its own visitor: views count once per visitor and day
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync($"/datasets?q={word}")).StatusCode);
        await anon.GetAsync($"/api/v1/datasets?q={word.ToUpperInvariant()}");
        await anon.GetAsync($"/datasets?q={word}&page=2"); // paging is not a new search
        var bot = factory.CreateClient();
        bot.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; Baiduspider/2.0)");
        await bot.GetAsync($"/datasets?q={word}");

        const string slug = "xingji-fandian";
        var (bearer, _) = await BearerAsync(factory);
        var resourceId = (await Json(await anon.GetAsync($"/api/v1/datasets/{slug}"))).GetProperty("resources")[0].GetProperty("id").GetInt32();
        var before = await IndexAsync(anon);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync($"/api/v1/datasets/{slug}/resources/{resourceId}/download?acceptAgreement=true")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/datasets/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync("/datasets/a-ji-jingqu")).StatusCode);
        var app = await GrantedAppAsync();
        var signed = GatewaySetup.Client(factory, app);
        Assert.Equal(HttpStatusCode.OK, (await signed.GetAsync($"/api/v1/data/{app.ApiCode}/count")).StatusCode);

        // Charts read the daily tables only: nothing moves until the rollup.
        Assert.Equal(0, CountOf((await IndexAsync(anon)).GetProperty("hotSearches"), "word", word));
        var (admin, _) = await BearerAsync(factory, Roles.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.PostAsync("/api/v1/admin/open-index/rollup", null)).StatusCode);
        var rolled = await admin.PostAsync("/api/v1/admin/open-index/rollup", null);
        Assert.Equal(HttpStatusCode.OK, rolled.StatusCode);
        Assert.True((await Json(rolled)).GetProperty("events").GetInt64() >= 4);

        var after = await IndexAsync(anon);
        Assert.Equal(2, CountOf(after.GetProperty("hotSearches"), "word", word));
        Assert.Equal(CountOf(before.GetProperty("sources").GetProperty("channels"), "label", "文件下载", "downloads") + 1,
            CountOf(after.GetProperty("sources").GetProperty("channels"), "label", "文件下载", "downloads"));
        Assert.True(CountOf(after.GetProperty("apiCalls"), "key", app.ApiCode) >= 1);
        var sources = after.GetProperty("sources");
        // The visitor from news.example.org viewed two datasets: one through the API, one on its page.
        Assert.Equal(2, CountOf(sources.GetProperty("referrers"), "label", "news.example.org", "views"));
        Assert.True(CountOf(sources.GetProperty("industries"), "label", "金融", "views") >= 1);
        Assert.True(CountOf(sources.GetProperty("occupations"), "label", "数据分析", "views") >= 1);
        Assert.True(CountOf(sources.GetProperty("regions"), "label", "未知", "views") >= 1);

        // A second rollup finds nothing new and counts nothing twice.
        Assert.Equal(0, (await Json(await admin.PostAsync("/api/v1/admin/open-index/rollup", null))).GetProperty("events").GetInt64());
        Assert.Equal(2, CountOf((await IndexAsync(anon)).GetProperty("hotSearches"), "word", word));
        // Stored events keep no user id and no full address; the searched words are normalized.
        var stored = await WithDbAsync(factory, db => db.AccessEvents.AsNoTracking().Where(e => e.ItemKey == word).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.All(stored, e => Assert.DoesNotContain(me.Id, JsonSerializer.Serialize(e)));
    }

    /// <summary>A fresh app granted the API of a demo table the seed loaded (the gateway tests' factory is not needed).</summary>
    private async Task<GatewayApp> GrantedAppAsync()
    {
        var user = await CreateUserAsync(factory);
        return await WithDbAsync(factory, async db =>
        {
            var code = await db.Resources.Where(r => r.Dataset!.IsPublished && r.Dataset.OpenCondition == OpenData.Web.Data.Entities.OpenCondition.Open
                    && r.Versions.Any(v => v.TableName != null)).OrderBy(r => r.Id).Select(r => r.ApiCode).FirstAsync();
            using var scope = factory.Services.CreateScope();
            var created = await scope.ServiceProvider.GetRequiredService<OpenData.Web.Features.DataApis.Apps.AppCommands>()
                .CreateAsync(user.Id, user.UserName!, new OpenData.Web.Features.DataApis.Apps.CreateAppRequest("指数测试", 1, "开放指数测试"), default);
            db.ApiApplications.Add(new OpenData.Web.Data.Entities.ApiApplication
            {
                AppId = created.Id, UserId = user.Id, ApiCode = code, Category = "科研教育", Reason = "测试", Status = OpenData.Web.Data.Entities.ApiApplicationStatus.Approved,
                CreatedAt = DateTimeOffset.UtcNow, AgreementAcceptedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return new GatewayApp(created.Id, created.AppKey, created.AppSecret, user.Id, code, null);
        });
    }

    [Theory]
    [InlineData("192.168.13.77", "192.168.13.0/24")]
    [InlineData("::ffff:10.1.2.3", "10.1.2.0/24")]
    [InlineData("2001:db8:abcd:1234:5678::1", "2001:db8:abcd::/48")]
    public void Addresses_are_truncated_to_their_network_before_storage(string address, string stored) =>
        Assert.Equal(stored, AccessRecorder.Truncate(IPAddress.Parse(address)));

    [Fact]
    public async Task Page_shows_every_chart_with_its_table_and_csv_from_the_demo_history_and_is_in_the_menu()
    {
        var anon = factory.CreateClient();
        var html = await anon.GetStringAsync("/open-index?range=1y");
        Assert.Contains(">开放指数</a>", html[html.IndexOf("aria-label=\"主导航\"", StringComparison.Ordinal)..]);
        foreach (var title in new[] { "开放概况", "部门数据量排行", "数据容量排行", "访问渠道", "来源网站", "访问者行业", "访问者职业", "访问地区",
                     "领域开放排行", "每月发布与更新的数据集", "各部门按时更新率", "数据集下载排行", "接口调用排行", "应用排行", "搜索热词", "数据请求按状态" })
            Assert.Contains(title, html);
        // Every card has its table (or says there is nothing in the range), and every chart sits beside a table.
        Assert.Equal(18, CountOf(html, "class=\"panel oi-card"));
        Assert.Equal(18, CountOf(html, "<table") + CountOf(html, "oi-empty"));
        Assert.Equal(CountOf(html, "data-chart="), CountOf(html, "<table"));

        var report = await IndexAsync(anon, "range=1y");
        foreach (var list in new[] { "departments", "domains", "datasetDownloads", "apiCalls", "apps", "hotSearches" })
            Assert.NotEmpty(report.GetProperty(list).EnumerateArray());
        Assert.NotEmpty(report.GetProperty("sources").GetProperty("channels").EnumerateArray());
        Assert.True(report.GetProperty("summary").GetProperty("datasets").GetProperty("total").GetInt64() > 0);

        var csv = await anon.GetAsync("/open-index/export/searches.csv?range=1y");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("热词,搜索次数", text);
        Assert.Contains(report.GetProperty("hotSearches")[0].GetProperty("word").GetString()!, text);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync("/open-index/export/nothing.csv")).StatusCode);

        // The home page's 热门搜索 follow the real ranking once there is enough of it (the demo history has).
        var top = (await IndexAsync(anon)).GetProperty("hotSearches")[0].GetProperty("word").GetString()!;
        Assert.Contains($"/datasets?q={Uri.EscapeDataString(top)}", await anon.GetStringAsync("/"));
    }

    private static int CountOf(string html, string what) => (html.Length - html.Replace(what, "").Length) / what.Length;

    [Theory]
    [InlineData("from=2026-03-01&to=2026-02-01", 400, "不能早于开始日期")]
    [InlineData("from=2019-01-01&to=2025-01-02", 400, "不能超过 5 年")]
    [InlineData("from=2026-13-01", 400, "日期格式应为 yyyy-MM-dd")]
    [InlineData("range=10y", 400, "时间范围应为")]
    [InlineData("department=nosuchdept", 404, "部门“nosuchdept”不存在")]
    [InlineData("department=sthjj", 401, "需要登录")]
    public async Task Bad_ranges_and_unknown_departments_get_clear_chinese_problems(string query, int status, string message)
    {
        var res = await factory.CreateClient().GetAsync($"/api/v1/open-index?{query}");
        Assert.Equal(status, (int)res.StatusCode);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, (await Json(res)).GetProperty("detail").GetString());
        var page = await factory.CreateClient().GetAsync($"/open-index?{query}");
        if (status == 400)
        {
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task A_provider_sees_its_own_department_in_the_workbench_and_an_administrator_any()
    {
        var (provider, _) = await SignedInAsync(factory, Roles.Provider, "sthjj");
        var page = await provider.GetStringAsync("/manage/open-index?range=1y");
        Assert.Contains("本部门开放指数", page);
        Assert.Contains("部门：丽水市生态环境局", page);
        Assert.DoesNotContain("oi-rollup", page);
        // Asking for another department in the address changes nothing: a provider only ever gets its own.
        Assert.Contains("部门：丽水市生态环境局", await provider.GetStringAsync("/manage/open-index?department=jyj"));

        var (bearer, _) = await BearerAsync(factory);
        var own = await Json(await provider.GetAsync("/api/v1/open-index?range=1y&department=sthjj"));
        Assert.Equal("sthjj", own.GetProperty("department").GetString());
        Assert.All(own.GetProperty("departments").EnumerateArray(), d => Assert.Equal("sthjj", d.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.GetAsync("/api/v1/open-index?department=jyj")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.GetAsync("/api/v1/open-index?department=sthjj")).StatusCode);

        var (admin, _) = await BearerAsync(factory, Roles.Admin);
        Assert.Equal("jyj", (await Json(await admin.GetAsync("/api/v1/open-index?department=jyj"))).GetProperty("department").GetString());
        var (adminPage, _) = await Admin.BackOfficeKit.BackOfficeClientAsync(factory, Roles.Admin);
        var adminHtml = await adminPage.GetStringAsync("/manage/open-index?department=jyj");
        Assert.Contains("部门：丽水市教育局", adminHtml);
        Assert.Contains("oi-rollup", adminHtml);
    }
}

public sealed class OpenIndexTestsSqlite(SqlitePortalFactory f) : OpenIndexTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class OpenIndexTestsPostgres(PostgresPortalFactory f) : OpenIndexTests(f), IClassFixture<PostgresPortalFactory>;
