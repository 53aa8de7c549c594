using System.Net;
using OpenData.IntegrationTests.Features.Accounts;
using OpenData.IntegrationTests.Features.Admin;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Features.DataApis.Apps;
using OpenData.Web.Features.DataApis.Catalog;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.IntegrationTests.Features.DataApis;

/// <summary>Rate and quota defaults come from the site settings at run time; an API's own override wins.</summary>
public abstract class GatewayLimitsTests(PortalFactory factory)
{
    private static List<KeyValuePair<string, string>> SettingsForm(params (string Key, string Value)[] changes)
    {
        var form = SettingKeys.All.Where(d => d.Kind != SettingKind.Switch).ToDictionary(d => d.Key, d => d.Default);
        foreach (var (k, v) in changes) form[k] = v;
        return form.ToList();
    }

    private static (string Rate, string Quota) Headers(HttpResponseMessage r) =>
        (r.Headers.GetValues("X-RateLimit-Limit").Single(), r.Headers.GetValues("X-Quota-Limit").Single());

    [Fact]
    public async Task A_changed_setting_shows_in_the_next_signed_call_and_a_per_API_override_set_on_its_page_wins()
    {
        var app = await GatewaySetup.AppAsync(factory);
        var client = GatewaySetup.Client(factory, app);
        var path = $"/api/v1/data/{app.ApiCode}/count";
        var (admin, _) = await BackOfficeKit.BackOfficeClientAsync(factory, Roles.Admin);
        try
        {
            var saved = await admin.PostFormAsync("/admin/settings", null, "settings",
                SettingsForm((SettingKeys.ApiRatePerMinute, "321"), (SettingKeys.ApiDailyQuota, "4321")));
            Assert.Equal("/admin/settings?done=1", saved.Target());
            var first = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(("321", "4321"), Headers(first));

            var set = await admin.PostFormAsync($"/manage/apis/{app.ApiCode}/limits", null, "api-limits",
                [new("Form.RatePerMinute", "77"), new("Form.DailyQuota", "555")]);
            Assert.Equal($"/manage/apis/{app.ApiCode}/limits?saved=1", set.Target());
            var second = await client.GetAsync(path);
            Assert.Equal(("77", "555"), Headers(second));
            Assert.Equal("76", second.Headers.GetValues("X-RateLimit-Remaining").Single());
            Assert.NotEmpty(await AccountFlows.AuditAsync(factory, DataApiAudit.LimitsChanged, $"api:{app.ApiCode}"));

            // Cleared again: back to the setting.
            await admin.PostFormAsync($"/manage/apis/{app.ApiCode}/limits", null, "api-limits", [new("Form.RatePerMinute", ""), new("Form.DailyQuota", "")]);
            Assert.Equal(("321", "4321"), Headers(await client.GetAsync(path)));
        }
        finally
        {
            await admin.PostFormAsync("/admin/settings", null, "settings", SettingsForm());
        }
    }

    [Fact]
    public async Task The_APIs_own_provider_may_set_its_limits_and_another_department_may_not()
    {
        var app = await GatewaySetup.AppAsync(factory);
        var dept = (await factory.Service<ApiCatalog>().FindAsync(app.ApiCode, default))!.DepartmentCode;
        var (own, _) = await AccountFlows.SignedInAsync(factory, Roles.Provider, dept);
        var set = await own.PostFormAsync($"/manage/apis/{app.ApiCode}/limits", null, "api-limits", [new("Form.RatePerMinute", "2"), new("Form.DailyQuota", "")]);
        Assert.Equal($"/manage/apis/{app.ApiCode}/limits?saved=1", set.Target());
        try
        {
            var client = GatewaySetup.Client(factory, app);
            var answers = new List<HttpResponseMessage>();
            for (var i = 0; i < 3; i++) answers.Add(await client.GetAsync($"/api/v1/data/{app.ApiCode}/count"));
            Assert.Equal([200, 200, 429], answers.Select(a => (int)a.StatusCode));
            Assert.Equal("2", answers[2].Headers.GetValues("X-RateLimit-Limit").Single());

            var (other, _) = await AccountFlows.SignedInAsync(factory, Roles.Provider, dept == "gaj" ? "sthjj" : "gaj");
            Assert.Contains("无权设置", await other.GetStringAsync($"/manage/apis/{app.ApiCode}/limits"));
            var (user, _) = await AccountFlows.SignedInAsync(factory);
            Assert.NotEqual(HttpStatusCode.OK, (await user.GetAsync($"/manage/apis/{app.ApiCode}/limits")).StatusCode);
        }
        finally
        {
            await own.PostFormAsync($"/manage/apis/{app.ApiCode}/limits", null, "api-limits", [new("Form.RatePerMinute", ""), new("Form.DailyQuota", "")]);
        }
    }
}

public sealed class GatewayLimitsTestsSqlite(GatewaySqliteFactory f) : GatewayLimitsTests(f), IClassFixture<GatewaySqliteFactory>;
public sealed class GatewayLimitsTestsPostgres(GatewayPostgresFactory f) : GatewayLimitsTests(f), IClassFixture<GatewayPostgresFactory>;
