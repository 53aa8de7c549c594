using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Datasets;

namespace OpenData.IntegrationTests.Features.Datasets.Pages;

/// <summary>The detail page's download form (2.9.3) and its GET endpoint.</summary>
public abstract class DatasetDownloadPageTests(PortalFactory factory)
{
    private async Task<int> FirstResourceAsync(string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var d = await scope.ServiceProvider.GetRequiredService<DatasetQueries>().DetailAsync(slug, new System.Security.Claims.ClaimsPrincipal());
        return d!.Resources[0].Id;
    }

    [Fact]
    public async Task The_download_form_refuses_without_the_agreement_and_downloads_with_it()
    {
        var developer = await PageKit.ClientForAsync(factory, "developer");
        var detail = await developer.GetStringAsync("/datasets/xingji-fandian");
        Assert.Contains("action=\"/datasets/xingji-fandian/download\"", detail);
        Assert.Contains("我已阅读并同意《数据下载协议》", detail);
        Assert.Contains("<summary>阅读《数据下载协议》</summary>", detail);

        var id = await FirstResourceAsync("xingji-fandian");
        var refused = await developer.GetAsync($"/datasets/xingji-fandian/download?resource={id}&format=original");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("downloadError=agreement-required", refused.Location());
        var again = await developer.GetStringAsync(refused.Location());
        Assert.Contains("请先阅读并勾选同意《数据下载协议》后再下载。", again);

        var ok = await developer.GetAsync($"/datasets/xingji-fandian/download?resource={id}&format=original&agree=true");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("text/csv", ok.Content.Headers.ContentType?.MediaType);
        Assert.Contains("饭店名称", await ok.Content.ReadAsStringAsync());
        Assert.NotNull(ok.Content.Headers.ContentDisposition?.FileNameStar ?? ok.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task A_historic_version_is_chosen_from_the_version_list_and_downloaded()
    {
        var developer = await PageKit.ClientForAsync(factory, "developer");
        var id = await FirstResourceAsync("kongqi-zhiliang-ribao");
        var detail = await developer.GetStringAsync($"/datasets/kongqi-zhiliang-ribao?resource={id}&version=1");
        Assert.Contains("<input type=\"hidden\" name=\"version\" value=\"1\"", detail);
        var v1 = await developer.GetStringAsync($"/datasets/kongqi-zhiliang-ribao/download?resource={id}&version=1&agree=true");
        var v3 = await developer.GetStringAsync($"/datasets/kongqi-zhiliang-ribao/download?resource={id}&version=3&agree=true");
        Assert.True(v3.Length > v1.Length);
    }

    [Fact]
    public async Task Anonymous_visitors_are_asked_to_sign_in_and_restricted_data_offers_no_download()
    {
        var anonymous = factory.CreateClient();
        var open = await anonymous.GetStringAsync("/datasets/xingji-fandian");
        Assert.Contains("请登录后下载", open);
        Assert.Contains("/account/login?returnUrl=", open);
        Assert.DoesNotContain("action=\"/datasets/xingji-fandian/download\"", open);

        var developer = await PageKit.ClientForAsync(factory, "developer");
        var restricted = await developer.GetStringAsync("/datasets/zuidi-shenghuo-baozhang");
        Assert.Contains("须经提供机构", restricted);      // and the online application (issue 17), not an offline notice
        Assert.Contains("/me/restricted-applications/new?dataset=zuidi-shenghuo-baozhang", restricted);
        Assert.Contains("不提供公开预览", restricted);   // its rows hold personal data
        Assert.DoesNotContain("preview-table", restricted);
        Assert.DoesNotContain("action=\"/datasets/zuidi-shenghuo-baozhang/download\"", restricted);
        var id = await FirstResourceAsync("zuidi-shenghuo-baozhang");
        var res = await developer.GetAsync($"/datasets/zuidi-shenghuo-baozhang/download?resource={id}&agree=true");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Contains("downloadError=restricted", res.Location());
    }
}

public sealed class DatasetDownloadPageTestsSqlite(SqlitePortalFactory f) : DatasetDownloadPageTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class DatasetDownloadPageTestsPostgres(PostgresPortalFactory f) : DatasetDownloadPageTests(f), IClassFixture<PostgresPortalFactory>;
