using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Features.Accounts;
using OpenData.IntegrationTests.Features.Admin;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.DataApis.Apps;
using OpenData.Web.Features.DataApis.Services;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.IntegrationTests.Features.DataApis;

/// <summary>Department APIs through the pages: the administrators' allow-list, then a provider registers and edits its API.</summary>
public abstract class ServiceApiPagesTests(PortalFactory factory)
{
    private async Task<HttpClient> AllowAsync(params string[] hosts)
    {
        var (admin, _) = await BackOfficeKit.BackOfficeClientAsync(factory, Roles.Admin);
        var saved = await admin.PostFormAsync("/admin/api-upstreams", null, "api-upstreams", [new("Hosts", string.Join("\r\n", hosts))]);
        Assert.Equal("/admin/api-upstreams?saved=1", saved.Target());
        return admin;
    }

    [Fact]
    public async Task An_administrator_edits_the_allow_list_on_its_page_from_the_admin_menu_and_the_change_is_audited()
    {
        var host = AccountFlows.UniqueName("h") + ".example.gov.cn";
        var admin = await AllowAsync("api.lishui.gov.cn", host);
        Assert.Contains("href=\"/admin/api-upstreams\"", await admin.GetStringAsync("/admin"));
        var page = await admin.GetStringAsync("/admin/api-upstreams");
        Assert.Contains(host, page);
        Assert.Contains(host, string.Join(",", await factory.Service<UpstreamAllowList>().HostsAsync(default)));
        var audit = await AccountFlows.AuditAsync(factory, DataApiAudit.AllowListChanged, "setting:" + UpstreamAllowList.SettingKey);
        Assert.Contains(audit, e => e.Detail.Contains(host));
        var bad = await admin.PostFormAsync("/admin/api-upstreams", null, "api-upstreams", [new("Hosts", "http://evil.example/path")]);
        Assert.Contains("不含协议", await bad.Content.ReadAsStringAsync());

        var (provider, _) = await AccountFlows.SignedInAsync(factory, Roles.Provider, "sthjj");
        var refused = await provider.GetAsync("/admin/api-upstreams");
        Assert.Contains("/account/access-denied", refused.Headers.Location?.OriginalString ?? "");
    }

    [Fact]
    public async Task A_provider_registers_and_edits_its_department_API_on_the_manage_pages_and_another_department_cannot()
    {
        await AllowAsync("api.lishui.gov.cn", "data.lishui.gov.cn");
        var (provider, _) = await AccountFlows.SignedInAsync(factory, Roles.Provider, "sthjj");
        Assert.Contains("href=\"/manage/services\"", await provider.GetStringAsync("/manage/datasets"));
        var name = "水质自动站实时数据" + AccountFlows.UniqueName("");
        var created = await provider.PostFormAsync("/manage/services/new", null, "service-edit",
        [
            new("Form.Name", name), new("Form.Domain", "1"), new("Form.Description", "生态环境局水质系统"), new("Form.Method", "GET"),
            new("Form.UpstreamUrl", "https://api.lishui.gov.cn/water/realtime"), new("Form.Parameters", "station|站点编码\r\ndate|日期"),
            new("Form.Example", "GET ?station=ls01 → {\"ph\": 7.2}"),
        ]);
        Assert.Equal("/manage/services?saved=1", created.Target());
        var code = await AccountFlows.WithDbAsync(factory, db => db.ServiceApis.Where(s => s.Name == name).Select(s => s.Code).SingleAsync());
        Assert.Contains(name, await provider.GetStringAsync("/manage/services"));
        var detail = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync($"/apis/{code}"));
        Assert.Contains("station", detail);
        Assert.Contains("部门接口", detail);

        var edited = await provider.PostFormAsync($"/manage/services/{code}/edit", null, "service-edit",
        [
            new("Form.Name", name + "（新版）"), new("Form.Domain", "1"), new("Form.Description", "改为 POST"), new("Form.Method", "POST"),
            new("Form.UpstreamUrl", "https://data.lishui.gov.cn/water/v2"), new("Form.Parameters", "station|站点编码"), new("Form.Example", "{}"),
        ]);
        Assert.Equal("/manage/services?saved=1", edited.Target());
        var row = await AccountFlows.WithDbAsync(factory, db => db.ServiceApis.AsNoTracking().SingleAsync(s => s.Code == code));
        Assert.Equal(("POST", "https://data.lishui.gov.cn/water/v2", name + "（新版）"), (row.Method, row.UpstreamUrl, row.Name));
        Assert.NotEmpty(await AccountFlows.AuditAsync(factory, DataApiAudit.ServiceUpdated, $"service-api:{code}"));

        var notAllowed = await provider.PostFormAsync($"/manage/services/{code}/edit", null, "service-edit",
            [new("Form.Name", name), new("Form.Domain", "1"), new("Form.Method", "GET"), new("Form.UpstreamUrl", "http://169.254.169.254/latest")]);
        Assert.Contains("不在平台白名单中", WebUtility.HtmlDecode(await notAllowed.Content.ReadAsStringAsync()));

        var (other, _) = await AccountFlows.SignedInAsync(factory, Roles.Provider, "gaj");
        Assert.Contains("不属于您的单位", await other.GetStringAsync($"/manage/services/{code}/edit"));
        Assert.DoesNotContain(name, await other.GetStringAsync("/manage/services"));
        // The edit page shows no form to another department; a post forged with a token from its own page changes nothing.
        var forged = await other.PostFormAsync("/manage/services/new", $"/manage/services/{code}/edit", "service-edit",
            [new("Form.Name", "篡改"), new("Form.Domain", "1"), new("Form.Method", "GET"), new("Form.UpstreamUrl", "https://api.lishui.gov.cn/x")]);
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal("POST", (await AccountFlows.WithDbAsync(factory, db => db.ServiceApis.AsNoTracking().SingleAsync(s => s.Code == code))).Method);
    }
}

public sealed class ServiceApiPagesTestsSqlite(GatewaySqliteFactory f) : ServiceApiPagesTests(f), IClassFixture<GatewaySqliteFactory>;
public sealed class ServiceApiPagesTestsPostgres(GatewayPostgresFactory f) : ServiceApiPagesTests(f), IClassFixture<GatewayPostgresFactory>;
