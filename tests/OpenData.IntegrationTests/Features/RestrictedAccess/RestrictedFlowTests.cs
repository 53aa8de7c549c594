using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Features.DataApis;
using OpenData.IntegrationTests.Features.Datasets;
using OpenData.IntegrationTests.Features.Datastore;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Features.DataApis.Apps;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.IntegrationTests.Features.RestrictedAccess;

/// <summary>
/// 受限数据申请 end to end through HTTP: every route that serves rows refuses 有条件开放 data until the two-step
/// review grants it, then serves it to the applicant and their named app, and refuses again after expiry or revocation.
/// </summary>
public abstract partial class RestrictedFlowTests(PortalFactory factory)
{
    private ShiftableClock Clock => ((IClockedFactory)factory).Clock;
    private static async Task<JsonElement> Json(HttpResponseMessage res) => JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement;

    private sealed record Routes(string Rows, string Aggregate, string Profile, string Download, string Preview, string Api);

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient client, Routes r) =>
    [
        (await client.GetAsync(r.Rows)).StatusCode, (await client.GetAsync(r.Aggregate)).StatusCode,
        (await client.GetAsync(r.Profile)).StatusCode, (await client.GetAsync(r.Download)).StatusCode,
    ];

    /// <summary>A published 有条件开放 dataset with a table and an API, inside an open window, and an applicant with an app.</summary>
    private sealed record Setup(HttpClient Provider, string Slug, int Resource, string ApiCode, HttpClient Dev, string DevId, int AppId, SigningClient Signer);

    private async Task<Setup> RestrictedApiAsync(string title, string appName)
    {
        Clock.Offset = TimeSpan.Zero;
        await RestrictedKit.SetWindowsAsync(factory, RestrictedKit.ThisMonth(factory));
        var provider = await factory.ClientForAsync("provider");
        var (slug, id) = await DatastoreFlowTests.PublishedAsync(provider, title + Guid.NewGuid().ToString("N")[..4], open: "restricted");
        var apiCode = await AccountFlowsDb(db => db.Resources.Where(x => x.Id == id).Select(x => x.ApiCode).SingleAsync());
        var (dev, devId) = await RestrictedKit.BearerAsync(factory);
        var app = await factory.Service<AppCommands>().CreateAsync(devId, "dev", new CreateAppRequest(appName, 1, "受限数据"), default);
        return new(provider, slug, id, apiCode, dev, devId, app.Id, new SigningClient(factory.CreateClient(), app.AppKey, app.AppSecret));
    }

    [Fact]
    public async Task Rows_are_refused_everywhere_until_both_steps_approve_then_served_and_refused_again_after_expiry()
    {
        var (provider, slug, id, apiCode, dev, devId, devAppId, signer) = await RestrictedApiAsync("低保对象名册", "帮扶分析");
        var r = new Routes($"/api/v1/datasets/{slug}/resources/{id}/rows", $"/api/v1/datasets/{slug}/resources/{id}/aggregate?groupBy=%E5%8C%BA%E5%8E%BF",
            $"/api/v1/datasets/{slug}/resources/{id}/profile", $"/api/v1/datasets/{slug}/resources/{id}/download?acceptAgreement=true&format=csv",
            $"/datasets/{slug}/preview?resource={id}", $"/api/v1/data/{apiCode}/records");

        Assert.All(await StatusesAsync(dev, r), s => Assert.Equal(HttpStatusCode.Forbidden, s));
        Assert.All(await StatusesAsync(factory.CreateClient(), r), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        var preview = await dev.GetStringAsync(r.Preview);
        Assert.DoesNotContain("城北水厂", preview);
        Assert.Contains($"/me/restricted-applications/new?dataset={slug}", preview); // says why and links to the application
        Assert.DoesNotContain("城北水厂", await factory.CreateClient().GetStringAsync($"/apis/{apiCode}")); // no example records
        // Item 11 of issue 13: the API takes no API applications, and an approval made anyway opens nothing.
        var apply = await dev.PostAsJsonAsync("/api/v1/me/api-applications", new { appId = devAppId, apiCode, category = "科研教育", reason = "研究低保帮扶", acceptAgreement = true });
        Assert.Equal(HttpStatusCode.BadRequest, apply.StatusCode);
        Assert.Contains("有条件开放", await apply.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await signer.GetAsync(r.Api)).StatusCode);

        var submitted = await dev.PostAsync("/api/v1/me/restricted-applications", RestrictedKit.Application([slug], periodMonths: 1, apps: [devAppId]));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var appId = (await Json(submitted)).GetProperty("id").GetInt32();
        Assert.Equal("departmentReview", (await Json(submitted)).GetProperty("status").GetString());

        var (reviewer, _) = await RestrictedKit.BearerAsync(factory, Roles.Reviewer);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PostAsync($"/api/v1/restricted/applications/{appId}/approve", null)).StatusCode); // not its step yet
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync($"/api/v1/restricted/applications/{appId}/approve", null)).StatusCode);
        Assert.All(await StatusesAsync(dev, r), s => Assert.Equal(HttpStatusCode.Forbidden, s)); // one step is not a grant
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/restricted/applications/{appId}/approve", null)).StatusCode);

        Assert.All(await StatusesAsync(dev, r), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Contains("城北水厂", await dev.GetStringAsync(r.Preview));
        Assert.Equal(HttpStatusCode.OK, (await signer.GetAsync(r.Api)).StatusCode);
        var mine = await Json(await dev.GetAsync("/api/v1/me/restricted-applications"));
        var steps = mine.GetProperty("items")[0].GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("stage").GetString() + ":" + s.GetProperty("action").GetString()).ToList();
        Assert.Equal(["applicant:submitted", "department:approved", "platform:approved"], steps);
        var grants = await Json(await dev.GetAsync("/api/v1/me/grants"));
        Assert.Equal("active", grants[0].GetProperty("status").GetString());
        Assert.Equal(3, await AccountFlowsDb(db => db.Messages.CountAsync(m => m.UserId == devId && m.Category == "受限数据申请")));
        Assert.True(await AccountFlowsDb(db => db.AuditEntries.AnyAsync(a => a.Action == "dataset.restricted-api-call" && a.Succeeded)));
        Assert.True(await AccountFlowsDb(db => db.AuditEntries.AnyAsync(a => a.Action == "dataset.restricted-read" && a.Target == "dataset:" + slug)));

        // A month and two days later the grant (period 1 month) has expired: the cached grant is refused at once too.
        Clock.Offset = TimeSpan.FromDays(33);
        Assert.All(await StatusesAsync(dev, r), s => Assert.Equal(HttpStatusCode.Forbidden, s));
        var ts = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal(HttpStatusCode.Forbidden, (await signer.SendAsync(signer.Build(HttpMethod.Get, r.Api, timestampMs: ts))).StatusCode);
        Assert.Equal("expired", (await Json(await dev.GetAsync("/api/v1/me/grants")))[0].GetProperty("status").GetString());
        Clock.Offset = TimeSpan.Zero;
    }

    [Fact]
    public async Task Revocation_takes_effect_at_once_and_the_ledger_shows_no_applicant()
    {
        Clock.Offset = TimeSpan.Zero;
        await RestrictedKit.SetWindowsAsync(factory, RestrictedKit.ThisMonth(factory));
        var provider = await factory.ClientForAsync("provider");
        var (slug, id) = await DatastoreFlowTests.PublishedAsync(provider, "救助对象" + Guid.NewGuid().ToString("N")[..4], open: "restricted");
        var (dev, _) = await RestrictedKit.BearerAsync(factory);
        var appId = (await Json(await dev.PostAsync("/api/v1/me/restricted-applications", RestrictedKit.Application([slug])))).GetProperty("id").GetInt32();
        var (reviewer, _) = await RestrictedKit.BearerAsync(factory, Roles.Reviewer);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync($"/api/v1/restricted/applications/{appId}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/restricted/applications/{appId}/approve", null)).StatusCode);
        var rows = $"/api/v1/datasets/{slug}/resources/{id}/rows";
        Assert.Equal(HttpStatusCode.OK, (await dev.GetAsync(rows)).StatusCode); // the grant is now in this node's cache

        var noReason = await reviewer.PostAsJsonAsync($"/api/v1/restricted/applications/{appId}/revoke", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/restricted/applications/{appId}/revoke", new { reason = "超范围使用" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dev.GetAsync(rows)).StatusCode);

        var ledger = await factory.CreateClient().GetStringAsync("/api/v1/restricted/ledger");
        var entry = JsonDocument.Parse(ledger).RootElement.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == appId);
        Assert.Equal("approved", entry.GetProperty("status").GetString());
        Assert.True(entry.GetProperty("daysToDecide").GetDouble() >= 0);
        Assert.DoesNotContain("精准帮扶", ledger); // no purpose, no applicant
        Assert.Contains("sthjj", ledger);
        var page = await factory.CreateClient().GetStringAsync("/restricted/ledger");
        Assert.Contains("各部门平均审结天数", page);
    }

    private Task<T> AccountFlowsDb<T>(Func<PortalDbContext, Task<T>> work) => Accounts.AccountFlows.WithDbAsync(factory, work);
}

public sealed class RestrictedFlowTestsSqlite(RestrictedSqliteFactory f) : RestrictedFlowTests(f), IClassFixture<RestrictedSqliteFactory>;
public sealed class RestrictedFlowTestsPostgres(RestrictedPostgresFactory f) : RestrictedFlowTests(f), IClassFixture<RestrictedPostgresFactory>;
