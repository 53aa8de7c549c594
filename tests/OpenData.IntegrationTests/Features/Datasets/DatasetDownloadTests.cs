using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure.Auth;
using static OpenData.IntegrationTests.Features.Datasets.DatasetTestKit;

namespace OpenData.IntegrationTests.Features.Datasets;

/// <summary>The download flow (2.9.3) and view counting.</summary>
public abstract class DatasetDownloadTests(PortalFactory factory)
{
    private async Task<(string Url, long Downloads)> DownloadUrlAsync(string slug, string query = "acceptAgreement=true")
    {
        var d = await factory.CreateClient().GetFromJsonAsync<DatasetDetailDto>($"/api/v1/datasets/{slug}", Json);
        return ($"/api/v1/datasets/{slug}/resources/{d!.Resources[0].Id}/download?{query}", d.Stats.Downloads);
    }

    private async Task<long> DownloadsAsync(string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Datasets.Where(d => d.Slug == slug).Select(d => d.DownloadCount).SingleAsync();
    }

    [Fact]
    public async Task Restricted_datasets_show_metadata_only_in_the_api_no_sample_rows_or_example_values()
    {
        var d = await factory.CreateClient().GetFromJsonAsync<DatasetDetailDto>("/api/v1/datasets/zuidi-shenghuo-baozhang", Json);
        Assert.Equal("restricted", d!.OpenCondition);
        Assert.NotEmpty(d.Fields);
        Assert.Null(d.Sample);
        Assert.All(d.Fields, f => Assert.Equal("", f.Example));
        var provider = await factory.CreateClient().GetFromJsonAsync<DatasetDetailDto>("/api/v1/datasets/xingji-fandian", Json);
        Assert.NotNull(provider!.Sample);
    }

    [Theory]
    [InlineData("format=original&acceptAgreement=true")]
    [InlineData("format=csv&acceptAgreement=true")]
    public async Task Downloads_name_the_file_in_chinese_with_an_ascii_fallback_from_the_slug(string query)
    {
        var developer = await factory.ClientForAsync("developer");
        var (url, _) = await DownloadUrlAsync("xingji-fandian", query);
        var res = await developer.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var cd = res.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", cd.DispositionType);
        Assert.Matches(@"^""?xingji-fandian-\d+-v\d+\.[a-z]+""?$", cd.FileName);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", cd.FileNameStar);
    }

    [Fact]
    public async Task A_registered_user_downloads_open_data_after_accepting_the_agreement_and_it_is_counted()
    {
        var developer = await factory.ClientForAsync("developer");
        var (url, _) = await DownloadUrlAsync("xingji-fandian", "format=original");
        var refused = await developer.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("agreement-required", (await refused.ReadAsync<JsonElement>()).GetProperty("code").GetString());

        var before = await DownloadsAsync("xingji-fandian");
        var res = await developer.GetAsync(url + "&acceptAgreement=true");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("text/csv", res.Content.Headers.ContentType?.MediaType);
        Assert.True(res.Headers.CacheControl?.NoStore, "a counted, agreement-bound download must never come from a browser cache");
        var text = await res.Content.ReadAsStringAsync();
        Assert.StartsWith("序号,饭店名称,星级", text.TrimStart('\uFEFF'));
        Assert.Equal(before + 1, await DownloadsAsync("xingji-fandian"));
        Assert.Equal(HttpStatusCode.BadRequest, (await developer.GetAsync(url + "&acceptAgreement=true&format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await developer.GetAsync(url + "&acceptAgreement=true&version=9")).StatusCode);
    }

    [Fact]
    public async Task Restricted_data_is_never_downloadable_without_a_grant_and_attempts_are_audited()
    {
        var (url, _) = await DownloadUrlAsync("zuidi-shenghuo-baozhang");
        var before = await DownloadsAsync("zuidi-shenghuo-baozhang");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(url)).StatusCode);
        var developer = await factory.ClientForAsync("developer");
        var denied = await developer.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("有条件开放", (await denied.ReadAsync<JsonElement>()).GetProperty("detail").GetString());
        // Even with anonymous download switched on.
        await SetAnonymousAsync(true);
        try
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await developer.GetAsync(url)).StatusCode);
        }
        finally { await SetAnonymousAsync(false); }
        Assert.Equal(before, await DownloadsAsync("zuidi-shenghuo-baozhang"));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.True(await db.AuditEntries.CountAsync(a => a.Action == DatasetAuditActions.RestrictedDownloadDenied
            && a.Target == "dataset:zuidi-shenghuo-baozhang" && !a.Succeeded) >= 4);
    }

    [Fact]
    public async Task Anonymous_download_of_open_data_follows_the_site_setting()
    {
        var (url, _) = await DownloadUrlAsync("a-ji-jingqu");
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        await SetAnonymousAsync(true);
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(url)).StatusCode);
        }
        finally { await SetAnonymousAsync(false); }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Views_count_once_per_visitor_and_day_and_never_for_crawlers()
    {
        const string slug = "gongjiao-xianlu";
        async Task<long> Views() => (await factory.CreateClient().GetFromJsonAsync<DatasetDetailDto>($"/api/v1/datasets/{slug}", Json))!.Stats.Views;
        HttpClient Browser(string agent)
        {
            var c = factory.CreateClient();
            c.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
            return c;
        }
        var start = await Views(); // this request counts one anonymous visitor (no agent)
        var visitor = Browser("Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 visitor-a");
        for (var i = 0; i < 3; i++) await visitor.GetAsync($"/api/v1/datasets/{slug}");
        var crawler = Browser("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)");
        for (var i = 0; i < 3; i++) await crawler.GetAsync($"/api/v1/datasets/{slug}");
        await Browser("Mozilla/5.0 (Windows NT 10.0) Chrome/130.0 visitor-b").GetAsync($"/api/v1/datasets/{slug}");
        Assert.Equal(start + 1 + 2, await Views());
        Assert.True(DatasetViews.IsCrawler("Googlebot/2.1 (+http://www.google.com/bot.html)"));
        Assert.False(DatasetViews.IsCrawler("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile/15E148 MicroMessenger/8.0"));
    }

    private async Task SetAnonymousAsync(bool allowed)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Admin), new Claim("amr", "mfa")], "test"));
        Assert.Equal(CommandStatus.Ok, await scope.ServiceProvider.GetRequiredService<DatasetDownloads>().SetAnonymousOpenAsync(allowed, admin));
    }
}

public sealed class DatasetDownloadTestsSqlite(SqlitePortalFactory f) : DatasetDownloadTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class DatasetDownloadTestsPostgres(PostgresPortalFactory f) : DatasetDownloadTests(f), IClassFixture<PostgresPortalFactory>;
