using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Features.Datasets;
using OpenData.IntegrationTests.Features.Datastore;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.IntegrationTests.Features.RestrictedAccess;

/// <summary>Bad input is refused with a clear message and leaves nothing half-submitted; documents are for those concerned only.</summary>
public abstract class RestrictedInputTests(PortalFactory factory)
{
    private static async Task<string> Problem(HttpResponseMessage res)
    {
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        return JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task Bad_applications_are_refused_with_a_reason_and_nothing_is_stored()
    {
        ((IClockedFactory)factory).Clock.Offset = TimeSpan.Zero;
        var provider = await factory.ClientForAsync("provider");
        var (slug, _) = await DatastoreFlowTests.PublishedAsync(provider, "残疾人名册" + Guid.NewGuid().ToString("N")[..4], open: "restricted");
        var (open, _) = await DatastoreFlowTests.PublishedAsync(provider, "公园名录" + Guid.NewGuid().ToString("N")[..4]);
        var (dev, devId) = await RestrictedKit.BearerAsync(factory);
        var month = int.Parse(RestrictedKit.ThisMonth(factory));
        var next = month % 12 + 1;

        await RestrictedKit.SetWindowsAsync(factory, next.ToString());
        var closed = await Problem(await dev.PostAsync("/api/v1/me/restricted-applications", RestrictedKit.Application([slug])));
        Assert.Contains("下一次受理时间", closed);
        Assert.Contains($"{next}月1日", closed);
        // Outside the window a draft may still be saved.
        var draft = await dev.PostAsync("/api/v1/me/restricted-applications", RestrictedKit.Application([slug], draft: true));
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);

        await RestrictedKit.SetWindowsAsync(factory, month.ToString(), maxMonths: 6);
        var exe = RestrictedKit.Required.ToDictionary(k => k, k => k == "creditReport" ? RestrictedKit.Exe : RestrictedKit.Pdf);
        Assert.Contains("可执行", await Problem(await dev.PostAsync("/api/v1/me/restricted-applications", RestrictedKit.Application([slug], documents: exe))));
        var text = RestrictedKit.Required.ToDictionary(k => k, k => k == "commitment" ? "承诺书"u8.ToArray() : RestrictedKit.Pdf);
        Assert.Contains("PDF", await Problem(await dev.PostAsync("/api/v1/me/restricted-applications", RestrictedKit.Application([slug], documents: text))));
        var missing = RestrictedKit.Required.Where(k => k != "securityCertificate").ToDictionary(k => k, _ => RestrictedKit.Png);
        Assert.Contains("安全等级保护证书", await Problem(await dev.PostAsync("/api/v1/me/restricted-applications", RestrictedKit.Application([slug], documents: missing))));
        Assert.Contains("最长 6 个月", await Problem(await dev.PostAsync("/api/v1/me/restricted-applications", RestrictedKit.Application([slug], periodMonths: 12))));
        Assert.Contains("无条件开放", await Problem(await dev.PostAsync("/api/v1/me/restricted-applications", RestrictedKit.Application([open]))));
        Assert.Contains("协议", await Problem(await dev.PostAsync("/api/v1/me/restricted-applications", RestrictedKit.Application([slug], accept: false))));

        // Only the draft exists: no refused application, document or step was written.
        var (apps, docs) = await Accounts.AccountFlows.WithDbAsync(factory, async db => (
            await db.RestrictedApplications.Where(a => a.UserId == devId).Select(a => a.Status.ToString()).ToListAsync(),
            await db.RestrictedDocuments.CountAsync(d => db.RestrictedApplications.Any(a => a.Id == d.ApplicationId && a.UserId == devId))));
        Assert.Equal(["Draft"], apps);
        Assert.Equal(5, docs); // the draft's own five documents
    }

    [Fact]
    public async Task Documents_are_attachments_for_the_applicant_the_department_and_reviewers_and_404_for_anyone_else()
    {
        ((IClockedFactory)factory).Clock.Offset = TimeSpan.Zero;
        await RestrictedKit.SetWindowsAsync(factory, RestrictedKit.ThisMonth(factory));
        var provider = await factory.ClientForAsync("provider");
        var (slug, _) = await DatastoreFlowTests.PublishedAsync(provider, "特困人员" + Guid.NewGuid().ToString("N")[..4], open: "restricted");
        var (dev, _) = await RestrictedKit.BearerAsync(factory);
        var created = JsonDocument.Parse(await (await dev.PostAsync("/api/v1/me/restricted-applications", RestrictedKit.Application([slug]))).Content.ReadAsStringAsync());
        var id = created.RootElement.GetProperty("id").GetInt32();
        var detail = JsonDocument.Parse(await dev.GetStringAsync($"/api/v1/me/restricted-applications/{id}")).RootElement;
        var url = detail.GetProperty("documents")[0].GetProperty("url").GetString()!;

        var own = await dev.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("attachment", own.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
        Assert.Equal(RestrictedKit.Pdf, await own.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync(url)).StatusCode);
        var (reviewer, _) = await RestrictedKit.BearerAsync(factory, Roles.Reviewer);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(url)).StatusCode);

        var (stranger, _) = await RestrictedKit.BearerAsync(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(url)).StatusCode);
        var (otherProvider, _) = await RestrictedKit.BearerAsync(factory, Roles.Provider, "fgw");
        Assert.Equal(HttpStatusCode.NotFound, (await otherProvider.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/me/restricted-applications/{id}")).StatusCode);
        Assert.False(File.Exists(Path.Combine(factory.DataDir, "wwwroot", url.TrimStart('/'))));
        // The blank templates are Word documents anyone may download.
        var template = await factory.CreateClient().GetAsync("/restricted/templates/applicationForm.docx");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("PK"u8.ToArray(), (await template.Content.ReadAsByteArrayAsync())[..2]);
    }
}

public sealed class RestrictedInputTestsSqlite(RestrictedSqliteFactory f) : RestrictedInputTests(f), IClassFixture<RestrictedSqliteFactory>;
public sealed class RestrictedInputTestsPostgres(RestrictedPostgresFactory f) : RestrictedInputTests(f), IClassFixture<RestrictedPostgresFactory>;
