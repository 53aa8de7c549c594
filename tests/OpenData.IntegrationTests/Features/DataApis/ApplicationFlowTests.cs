using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenData.IntegrationTests.Features.Accounts;
using OpenData.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.Web.Data;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.IntegrationTests.Features.DataApis;

/// <summary>2.9.2 through the public JSON API: app, application, review, message, signed call.</summary>
public abstract class ApplicationFlowTests(PortalFactory factory)
{
    private async Task<HttpClient> BearerAsync(string? role = null)
    {
        var user = await AccountFlows.CreateUserAsync(factory, role, role is null ? null : "dsjj");
        var token = await factory.Service<ApiTokens>().CreateAsync(user.Id, user.UserName!, "t");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage res) => JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task A_developer_applies_the_admin_approves_the_developer_is_told_and_signed_calls_then_succeed()
    {
        var (code, _) = await GatewayData.LoadAsync(factory);
        var dev = await BearerAsync();
        var created = await dev.PostAsJsonAsync("/api/v1/me/apps", new { name = "空气质量小程序", domain = 1, description = "展示空气质量" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var app = await Json(created);
        var appKey = app.GetProperty("appKey").GetString()!;
        Assert.Matches("^[1-9][0-9]{11}$", appKey);
        var secret = app.GetProperty("appSecret").GetString()!;
        Assert.Equal(43, secret.Length);
        // The secret is shown once: listing the apps never repeats it.
        Assert.DoesNotContain(secret, await dev.GetStringAsync("/api/v1/me/apps"));

        var apply = await dev.PostAsJsonAsync("/api/v1/me/api-applications",
            new { appId = app.GetProperty("id").GetInt32(), apiCode = code, category = "科研教育", reason = "研究丽水空气质量变化", acceptAgreement = true });
        Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
        var application = await Json(apply);
        Assert.Equal("pending", application.GetProperty("status").GetString());
        // The 接口服务协议 in force was accepted with its version.
        var userName = (await dev.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userName").GetString();
        var inForce = (await factory.Service<SiteSettingsStore>().SnapshotAsync()).Agreement(AgreementKinds.Api).Version;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
            Assert.True(await db.AgreementAcceptances.AnyAsync(a => a.UserId == userId && a.Kind == AgreementKinds.Api && a.Version == inForce));
        }

        var signer = new SigningClient(factory.CreateClient(), appKey, secret);
        var before = await signer.GetAsync($"/api/v1/data/{code}/records?pageSize=2");
        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal("ODP.NotGranted", (await Json(before)).GetProperty("code").GetString());

        var admin = await BearerAsync(Roles.Reviewer);
        var queue = await admin.GetStringAsync("/api/v1/admin/api-applications");
        Assert.Contains(appKey, queue);
        Assert.Equal(HttpStatusCode.Forbidden, (await dev.PostAsJsonAsync($"/api/v1/admin/api-applications/{application.GetProperty("id").GetInt32()}/approve", new { })).StatusCode);
        var approve = await admin.PostAsJsonAsync($"/api/v1/admin/api-applications/{application.GetProperty("id").GetInt32()}/approve", new { reason = "同意" });
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);

        var messages = await dev.GetStringAsync("/api/v1/me/messages");
        Assert.Contains("接口申请已通过", messages);
        var after = await signer.GetAsync($"/api/v1/data/{code}/records?pageSize=2");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(2, (await Json(after)).GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_tells_the_applicant_why()
    {
        var (code, _) = await GatewayData.LoadAsync(factory);
        var dev = await BearerAsync();
        var app = await Json(await dev.PostAsJsonAsync("/api/v1/me/apps", new { name = "测试应用", domain = 2, description = "" }));
        var application = await Json(await dev.PostAsJsonAsync("/api/v1/me/api-applications",
            new { appId = app.GetProperty("id").GetInt32(), apiCode = code, category = "商业应用", reason = "用于商业分析报告", acceptAgreement = true }));
        var admin = await BearerAsync(Roles.Reviewer);
        var id = application.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/admin/api-applications/{id}/reject", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/admin/api-applications/{id}/reject", new { reason = "申请理由不充分" })).StatusCode);
        Assert.Contains("申请理由不充分", await dev.GetStringAsync("/api/v1/me/messages"));
        Assert.Contains("\"rejected\"", await dev.GetStringAsync("/api/v1/me/api-applications"));
    }

    [Fact]
    public async Task The_review_queue_is_paged_twenty_at_a_time_and_every_pending_application_is_on_exactly_one_page()
    {
        var (code, _) = await GatewayData.LoadAsync(factory);
        var dev = await BearerAsync();
        var app = await Json(await dev.PostAsJsonAsync("/api/v1/me/apps", new { name = "分页测试应用", domain = 1, description = "审核队列分页" }));
        var appId = app.GetProperty("id").GetInt32();
        var ours = new HashSet<int>();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var userId = await db.DeveloperApps.Where(a => a.Id == appId).Select(a => a.UserId).SingleAsync();
            var rows = Enumerable.Range(0, 25).Select(i => new OpenData.Web.Data.Entities.ApiApplication
            {
                AppId = appId, UserId = userId, ApiCode = code, Category = "科研", Reason = $"分页测试申请 {i}",
                AgreementAcceptedAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow.AddSeconds(i),
                Status = OpenData.Web.Data.Entities.ApiApplicationStatus.Pending,
            }).ToList();
            db.ApiApplications.AddRange(rows);
            await db.SaveChangesAsync();
            ours.UnionWith(rows.Select(r => r.Id));
        }
        var admin = await BearerAsync(Roles.Reviewer);
        var first = await Json(await admin.GetAsync("/api/v1/admin/api-applications?page=1"));
        Assert.Equal(20, first.GetProperty("items").GetArrayLength());
        var pages = first.GetProperty("pages").GetInt32();
        Assert.True(pages >= 2);
        var seen = new List<int>();
        for (var p = 1; p <= pages; p++)
            foreach (var item in (await Json(await admin.GetAsync($"/api/v1/admin/api-applications?page={p}"))).GetProperty("items").EnumerateArray())
            {
                Assert.Equal("pending", item.GetProperty("status").GetString());
                seen.Add(item.GetProperty("id").GetInt32());
            }
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), ours);
        Assert.Equal(first.GetProperty("total").GetInt32(), seen.Count);
        // The back-office page shows the same pages, with links.
        var browser = factory.CreateBrowserClient();
        var login = await browser.SignInAsync("admin", AccountDemoSeeder.Password, "/admin/api-applications");
        await browser.PostFormAsync(login.Target()!, null, "login-2fa", [new("Code", AccountFlows.Totp(AccountDemoSeeder.AdminAuthenticatorKey))]);
        var html = await browser.GetStringAsync("/admin/api-applications?page=2");
        Assert.Contains("aria-label=\"接口申请分页\"", html);
        Assert.Contains("aria-current=\"page\" aria-label=\"第 2 页\"", html);
    }

    [Fact]
    public async Task Applying_without_accepting_the_agreement_or_for_someone_elses_app_is_refused()
    {
        var (code, _) = await GatewayData.LoadAsync(factory);
        var owner = await BearerAsync();
        var app = await Json(await owner.PostAsJsonAsync("/api/v1/me/apps", new { name = "我的应用", domain = 1, description = "" }));
        var body = new { appId = app.GetProperty("id").GetInt32(), apiCode = code, category = "科研教育", reason = "研究用途说明", acceptAgreement = false };
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsJsonAsync("/api/v1/me/api-applications", body)).StatusCode);
        var stranger = await BearerAsync();
        var res = await stranger.PostAsJsonAsync("/api/v1/me/api-applications", body with { acceptAgreement = true });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Equal("appId", (await Json(res)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_rotated_secret_works_at_once_the_old_one_during_the_grace_period_and_a_disabled_app_is_refused()
    {
        var g = await GatewaySetup.AppAsync(factory);
        var owner = factory.CreateClient();
        var token = await factory.Service<ApiTokens>().CreateAsync(g.UserId, "x", "t");
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        var rotated = await Json(await owner.PostAsync($"/api/v1/me/apps/{g.AppId}/rotate-secret", null));
        var newSecret = rotated.GetProperty("appSecret").GetString()!;
        Assert.NotEqual(g.AppSecret, newSecret);
        var path = $"/api/v1/data/{g.ApiCode}/count";
        Assert.Equal(HttpStatusCode.OK, (await new SigningClient(factory.CreateClient(), g.AppKey, newSecret).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await new SigningClient(factory.CreateClient(), g.AppKey, g.AppSecret).GetAsync(path)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/api/v1/me/apps/{g.AppId}/disable", null)).StatusCode);
        var disabled = await new SigningClient(factory.CreateClient(), g.AppKey, newSecret).GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, disabled.StatusCode);
        // Another user cannot rotate or see this app.
        var stranger = await BearerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/me/apps/{g.AppId}/rotate-secret", null)).StatusCode);
    }
}

public sealed class ApplicationFlowTestsSqlite(GatewaySqliteFactory f) : ApplicationFlowTests(f), IClassFixture<GatewaySqliteFactory>;
public sealed class ApplicationFlowTestsPostgres(GatewayPostgresFactory f) : ApplicationFlowTests(f), IClassFixture<GatewayPostgresFactory>;
