using System.Net;
using System.Text.RegularExpressions;
using OpenData.IntegrationTests.Features.Accounts;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace OpenData.IntegrationTests.Features.DataApis;

/// <summary>The API pages and the personal-centre pages, through the real HTML and forms.</summary>
public abstract partial class ApiPagesTests(PortalFactory factory)
{
    [Fact]
    public async Task The_API_list_shows_cards_with_apply_and_filters_by_department_and_name()
    {
        var (code, _) = await GatewayData.LoadAsync(factory);
        var client = factory.CreateClient();
        var html = await client.GetStringAsync("/apis?sort=calls");
        Assert.Contains($"href=\"/apis/{code}/apply\"", html);
        Assert.Contains("调用量", html);
        Assert.Contains("提供机构", html);
        var none = await client.GetStringAsync("/apis?q=" + Uri.EscapeDataString("不存在的接口名称xyz"));
        Assert.Contains("没有找到符合条件的接口", none);
    }

    [Fact]
    public async Task The_API_detail_documents_the_call_styles_with_real_example_values_and_samples()
    {
        var (code, _) = await GatewayData.LoadAsync(factory);
        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync($"/apis/{code}"));
        Assert.Contains($"/api/v1/data/{code}/count", html);
        Assert.Contains("includeTotal=true", html);
        Assert.Contains("市监测站", html); // a real value of the loaded table
        Assert.Contains("ODP.NotGranted", html);
        foreach (var lang in new[] { "curl", "C#", "Java", "Python", "JavaScript" }) Assert.Contains($">{lang}</summary>", html);
        Assert.Contains("openssl dgst -sha256 -hmac", html);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/apis/nosuchcode")).StatusCode);
    }

    [Fact]
    public async Task A_developer_creates_an_app_on_the_page_sees_the_secret_once_and_applies_through_the_form()
    {
        var (code, _) = await GatewayData.LoadAsync(factory);
        var (client, _) = await AccountFlows.SignedInAsync(factory);
        var created = await client.PostFormAsync("/me/apps", null, "app-create",
            [new("Form.Name", "网页创建的应用"), new("Form.Domain", "3"), new("Form.Description", "测试")]);
        var html = await created.Content.ReadAsStringAsync();
        var secret = SecretRegex().Match(html);
        Assert.True(secret.Success, "the new AppSecret is shown");
        var list = await client.GetStringAsync("/me/apps");
        Assert.Contains("网页创建的应用", list);
        Assert.DoesNotContain(secret.Groups[1].Value, list);
        var appId = AppLinkRegex().Match(list).Groups[1].Value;
        Assert.Contains("app-calls-data", await client.GetStringAsync($"/me/apps/{appId}"));

        var form = await client.GetStringAsync($"/apis/{code}/apply");
        Assert.Contains("申请受理时间：工作日 8:30–17:00", form);
        Assert.Contains("href=\"/agreements/api\"", form);
        var applied = await client.PostFormAsync($"/apis/{code}/apply", null, "api-apply",
            [new("Form.AppId", appId), new("Form.Category", "科研教育"), new("Form.Reason", "用于课程作业分析"), new("Form.AcceptAgreement", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Contains("待审核", await client.GetStringAsync("/me/api-applications"));
    }

    [Fact]
    public async Task The_review_queue_is_for_administrators_only()
    {
        var (client, _) = await AccountFlows.SignedInAsync(factory);
        var res = await client.GetAsync("/admin/api-applications");
        Assert.NotEqual(HttpStatusCode.OK, res.StatusCode);
        var admin = factory.CreateBrowserClient();
        var first = await admin.SignInAsync("admin", AccountDemoSeeder.Password, "/admin/api-applications");
        await admin.PostFormAsync(first.Target()!, null, "login-2fa", [new("Code", AccountFlows.Totp(AccountDemoSeeder.AdminAuthenticatorKey))]);
        Assert.Contains("接口申请审核", await admin.GetStringAsync("/admin/api-applications"));
    }

    [Fact]
    public async Task The_dataset_files_list_links_each_tabular_resource_to_its_API_and_not_the_other_files()
    {
        var (slug, code, resource) = await AccountFlows.WithDbAsync(factory, db => db.Resources.Where(r => r.Dataset!.IsPublished && r.Format == "CSV")
            .OrderBy(r => r.Id).Select(r => new { r.Dataset!.Slug, r.ApiCode, r.Name }).FirstAsync()
            .ContinueWith(t => (t.Result.Slug, t.Result.ApiCode, t.Result.Name)));
        var html = await factory.CreateClient().GetStringAsync($"/datasets/{slug}");
        var links = ResourceApiRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(code, links);
        Assert.Contains($"{resource} 的数据接口", WebUtility.HtmlDecode(html));
        // Every linked code is a tabular resource of this dataset, and its API page answers.
        var codes = await AccountFlows.WithDbAsync(factory, db => db.Resources.Where(r => r.Dataset!.Slug == slug && r.Format == "CSV").Select(r => r.ApiCode).ToListAsync());
        Assert.All(links, l => Assert.Contains(l, codes));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/apis/{links[0]}")).StatusCode);
    }

    [GeneratedRegex("class=\"[^\"]*resource-api\"[^>]*href=\"/apis/([^\"]+)\"")] private static partial Regex ResourceApiRegex();
    [GeneratedRegex("id=\"new-secret\"[^>]*>([A-Za-z0-9_-]{43})<")] private static partial Regex SecretRegex();
    [GeneratedRegex("href=\"/me/apps/(\\d+)\"")] private static partial Regex AppLinkRegex();
}

public sealed class ApiPagesTestsSqlite(GatewaySqliteFactory f) : ApiPagesTests(f), IClassFixture<GatewaySqliteFactory>;
public sealed class ApiPagesTestsPostgres(GatewayPostgresFactory f) : ApiPagesTests(f), IClassFixture<GatewayPostgresFactory>;

/// <summary>OpenAPI: the platform document and one per data API from the field dictionary.</summary>
public sealed class ApiOpenApiTests(GatewaySqliteFactory factory) : IClassFixture<GatewaySqliteFactory>
{
    [Fact]
    public async Task The_platform_document_lists_the_public_APIs_and_each_data_API_has_its_own_document()
    {
        var (code, _) = await GatewayData.LoadAsync(factory);
        var client = factory.CreateClient();
        var platform = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/me/apps", platform);
        Assert.Contains("/api/v1/data/{code}/records", platform);
        var doc = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"/openapi/apis/{code}.json")).RootElement;
        Assert.Equal("3.1.0", doc.GetProperty("openapi").GetString());
        var records = doc.GetProperty("paths").GetProperty($"/api/v1/data/{code}/records").GetProperty("get").GetProperty("parameters");
        Assert.Contains(records.EnumerateArray(), p => p.GetProperty("name").GetString() == "区县");
        Assert.Contains(records.EnumerateArray(), p => p.GetProperty("name").GetString() == "pageSize");
    }
}

/// <summary>The dataset's data graph shows its data APIs.</summary>
public sealed class DatasetGraphApiTests(SqlitePortalFactory factory) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task The_data_graph_of_a_dataset_has_a_node_linking_to_each_tabular_resources_API()
    {
        var (slug, code) = await AccountFlows.WithDbAsync(factory, db => db.Resources.Where(r => r.Dataset!.IsPublished && r.Format == "CSV")
            .OrderBy(r => r.Id).Select(r => new { r.Dataset!.Slug, r.ApiCode }).FirstAsync().ContinueWith(t => (t.Result.Slug, t.Result.ApiCode)));
        var graph = await factory.CreateClient().GetStringAsync($"/api/v1/datasets/{slug}/graph");
        Assert.Contains($"/apis/{code}", graph);
        Assert.Contains("数据接口", graph);
    }
}
