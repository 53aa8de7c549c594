using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Features.Datasets;
using OpenData.IntegrationTests.Features.Datastore;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.IntegrationTests.Features.RestrictedAccess;

/// <summary>The review path through HTTP: 要求补充材料 and resubmission, withdrawal, and the queues' counts.</summary>
public abstract partial class RestrictedFlowTests
{
    /// <summary>The count on the admin dashboard's tile of one queue.</summary>
    private static async Task<int> DashboardCountAsync(HttpClient backOffice, string queue)
    {
        var page = await backOffice.GetStringAsync("/admin");
        var m = Regex.Match(page, $"data-queue=\"{queue}\">.*?<div class=\"queue-count\">(\\d+) ", RegexOptions.Singleline);
        Assert.True(m.Success, $"no tile for {queue}");
        return int.Parse(m.Groups[1].Value);
    }

    /// <summary>The total of the provider's workbench (部门待办) and how many of its rows are restricted-data applications.</summary>
    private static async Task<(int Total, string Page)> WorkbenchAsync(HttpClient provider)
    {
        var page = await provider.GetStringAsync("/interact/workbench");
        var m = Regex.Match(page, @"（共 (\d+) 项");
        return (m.Success ? int.Parse(m.Groups[1].Value) : 0, page);
    }

    private async Task<List<string>> StepsAsync(HttpClient dev, int appId) =>
        (await Json(await dev.GetAsync($"/api/v1/me/restricted-applications/{appId}"))).GetProperty("steps").EnumerateArray()
            .Select(s => s.GetProperty("stage").GetString() + ":" + s.GetProperty("action").GetString()).ToList();

    private async Task<string> StatusAsync(HttpClient dev, int appId) =>
        (await Json(await dev.GetAsync($"/api/v1/me/restricted-applications/{appId}"))).GetProperty("status").GetString()!;

    [Fact]
    public async Task More_information_goes_back_to_the_applicant_who_resubmits_to_the_step_that_asked_and_the_queues_count_it()
    {
        Clock.Offset = TimeSpan.Zero;
        var month = RestrictedKit.ThisMonth(factory);
        await RestrictedKit.SetWindowsAsync(factory, month);
        var provider = await factory.ClientForAsync("provider");
        var (slug, _) = await DatastoreFlowTests.PublishedAsync(provider, "困难群众" + Guid.NewGuid().ToString("N")[..4], open: "restricted");
        var (dev, devId) = await RestrictedKit.BearerAsync(factory);
        var (reviewer, _) = await RestrictedKit.BearerAsync(factory, Roles.Reviewer);
        var deptBefore = await DashboardCountAsync(reviewer, "restricted-department");
        var platformBefore = await DashboardCountAsync(reviewer, "restricted-platform");
        var (benchBefore, _) = await WorkbenchAsync(provider);

        var appId = (await Json(await dev.PostAsync("/api/v1/me/restricted-applications", RestrictedKit.Application([slug], fields: "站点名称、人数")))).GetProperty("id").GetInt32();
        Assert.Equal(deptBefore + 1, await DashboardCountAsync(reviewer, "restricted-department"));
        var (bench, benchPage) = await WorkbenchAsync(provider);
        Assert.Equal(benchBefore + 1, bench);
        Assert.Contains($"/restricted/review/{appId}", benchPage);

        // The department asks for more: a reason is required; the applicant is told and the department's queue empties.
        Assert.Equal(HttpStatusCode.BadRequest, (await provider.PostAsJsonAsync($"/api/v1/restricted/applications/{appId}/more-info", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync($"/api/v1/restricted/applications/{appId}/more-info", new { reason = "信用报告已过期，请补充近三个月的报告" })).StatusCode);
        Assert.Equal("moreInfo", await StatusAsync(dev, appId));
        Assert.Equal(deptBefore, await DashboardCountAsync(reviewer, "restricted-department"));
        Assert.Equal(benchBefore, (await WorkbenchAsync(provider)).Total);
        Assert.True(await AccountFlowsDb(db => db.Messages.AnyAsync(m => m.UserId == devId && m.Body.Contains("信用报告已过期"))));
        Assert.Equal(HttpStatusCode.NotFound, (await provider.PostAsync($"/api/v1/restricted/applications/{appId}/approve", null)).StatusCode); // not its step now

        // The window has closed meanwhile: a resubmission belongs to the review under way, so it is still accepted.
        await RestrictedKit.SetWindowsAsync(factory, (int.Parse(month) % 12 + 1).ToString());
        var resubmit = await dev.PostAsync($"/api/v1/me/restricted-applications/{appId}", RestrictedKit.Application([slug], fields: "站点名称、人数",
            documents: new Dictionary<string, byte[]> { ["creditReport"] = RestrictedKit.Pdf }));
        Assert.Equal(HttpStatusCode.OK, resubmit.StatusCode);
        Assert.Equal("departmentReview", (await Json(resubmit)).GetProperty("status").GetString());
        Assert.Equal(deptBefore + 1, await DashboardCountAsync(reviewer, "restricted-department"));

        // The department passes it on; the reviewer asks for more too, and the resubmission goes straight back to the reviewer.
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync($"/api/v1/restricted/applications/{appId}/approve", null)).StatusCode);
        Assert.Equal(platformBefore + 1, await DashboardCountAsync(reviewer, "restricted-platform"));
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/restricted/applications/{appId}/more-info", new { reason = "请说明数据销毁方式" })).StatusCode);
        Assert.Equal(platformBefore, await DashboardCountAsync(reviewer, "restricted-platform"));
        Assert.Equal(HttpStatusCode.OK, (await dev.PostAsync($"/api/v1/me/restricted-applications/{appId}", RestrictedKit.Application([slug], fields: "站点名称、人数"))).StatusCode);
        Assert.Equal("platformReview", await StatusAsync(dev, appId));
        Assert.Equal(platformBefore + 1, await DashboardCountAsync(reviewer, "restricted-platform"));
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/v1/restricted/applications/{appId}/approve", null)).StatusCode);

        Assert.Equal("approved", await StatusAsync(dev, appId));
        Assert.Equal(["applicant:submitted", "department:more-info", "applicant:resubmitted", "department:approved", "platform:more-info",
            "applicant:resubmitted", "platform:approved"], await StepsAsync(dev, appId));
        Assert.Equal((deptBefore, platformBefore), (await DashboardCountAsync(reviewer, "restricted-department"), await DashboardCountAsync(reviewer, "restricted-platform")));
        // The replaced credit report is the one kept: one document of each required kind.
        var docs = (await Json(await dev.GetAsync($"/api/v1/me/restricted-applications/{appId}"))).GetProperty("documents");
        Assert.Equal(5, docs.GetArrayLength());
    }

    [Fact]
    public async Task The_applicant_withdraws_an_undecided_application_and_the_reviewers_concerned_are_told()
    {
        Clock.Offset = TimeSpan.Zero;
        await RestrictedKit.SetWindowsAsync(factory, RestrictedKit.ThisMonth(factory));
        var provider = await factory.ClientForAsync("provider");
        var providerId = await AccountFlowsDb(db => db.Users.Where(u => u.UserName == "provider").Select(u => u.Id).SingleAsync());
        var (slug, _) = await DatastoreFlowTests.PublishedAsync(provider, "优抚对象" + Guid.NewGuid().ToString("N")[..4], open: "restricted");
        var (dev, _) = await RestrictedKit.BearerAsync(factory);
        var (reviewer, reviewerId) = await RestrictedKit.BearerAsync(factory, Roles.Reviewer);
        var (other, _) = await RestrictedKit.BearerAsync(factory);
        var platformBefore = await DashboardCountAsync(reviewer, "restricted-platform");

        var appId = (await Json(await dev.PostAsync("/api/v1/me/restricted-applications", RestrictedKit.Application([slug])))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync($"/api/v1/restricted/applications/{appId}/approve", null)).StatusCode);
        Assert.Equal(platformBefore + 1, await DashboardCountAsync(reviewer, "restricted-platform"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/me/restricted-applications/{appId}/withdraw", new { reason = "x" })).StatusCode);

        var withdrawn = await dev.PostAsJsonAsync($"/api/v1/me/restricted-applications/{appId}/withdraw", new { reason = "项目取消" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("withdrawn", await StatusAsync(dev, appId));
        Assert.Equal("applicant:withdrawn", (await StepsAsync(dev, appId)).Last());
        Assert.Equal(platformBefore, await DashboardCountAsync(reviewer, "restricted-platform"));
        // The department (which passed it on) and the reviewers (whose step it was) are told; the audit log has it.
        var told = await AccountFlowsDb(db => db.Messages.Where(m => m.Title == $"受限数据申请 #{appId} 已撤回").Select(m => m.UserId).ToListAsync());
        Assert.Contains(providerId, told);
        Assert.Contains(reviewerId, told);
        Assert.True(await AccountFlowsDb(db => db.AuditEntries.AnyAsync(a => a.Action == "restricted.withdrawn" && a.Target == $"restricted-application:{appId}")));
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PostAsync($"/api/v1/restricted/applications/{appId}/approve", null)).StatusCode);
        var again = await dev.PostAsJsonAsync($"/api/v1/me/restricted-applications/{appId}/withdraw", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("不能撤回", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await dev.PostAsync($"/api/v1/me/restricted-applications/{appId}", RestrictedKit.Application([slug]))).StatusCode);

        // A draft is withdrawn without telling anyone; the page offers withdrawal only while undecided.
        var draftId = (await Json(await dev.PostAsync("/api/v1/me/restricted-applications", RestrictedKit.Application([slug], draft: true)))).GetProperty("id").GetInt32();
        Assert.Contains("确认撤回", await dev.GetStringAsync($"/me/restricted-applications/{draftId}"));
        Assert.Equal(HttpStatusCode.OK, (await dev.PostAsJsonAsync($"/api/v1/me/restricted-applications/{draftId}/withdraw", new { reason = "" })).StatusCode);
        Assert.False(await AccountFlowsDb(db => db.Messages.AnyAsync(m => m.Title == $"受限数据申请 #{draftId} 已撤回")));
        Assert.DoesNotContain("确认撤回", await dev.GetStringAsync($"/me/restricted-applications/{draftId}"));
        Assert.Contains("\"withdrawn\"", await factory.CreateClient().GetStringAsync("/api/v1/restricted/ledger"));
    }
}
