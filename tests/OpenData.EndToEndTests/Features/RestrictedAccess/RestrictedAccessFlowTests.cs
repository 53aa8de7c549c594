using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenData.EndToEndTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Features.DataApis.Apps;
using OpenData.Web.Features.RestrictedAccess;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.EndToEndTests.Features.RestrictedAccess;

/// <summary>
/// 受限数据申请 in Chromium: apply with documents inside a window, the department approves, a reviewer approves,
/// the applicant previews, downloads and calls the API; after expiry all three are refused.
/// </summary>
[Collection("live")]
public sealed class RestrictedAccessFlowTests(LiveApp app)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private Task<IPage> SignInAsync(string userName, bool secondFactor, string returnUrl, int width = 1280) =>
        app.SignInAsync(userName, secondFactor, returnUrl, width);

    [Fact]
    public async Task Apply_with_documents_two_approvals_then_preview_download_and_api_work_until_the_grant_expires()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // A demo 有条件开放 dataset with a loaded table and an API.
        var target = await db.Resources.AsNoTracking()
            .Where(r => r.Dataset!.IsPublished && r.Dataset.OpenCondition == OpenCondition.Restricted && r.ApiCode != "" && r.Versions.Any(v => v.TableName != null))
            .Select(r => new { r.Id, r.ApiCode, r.Dataset!.Slug, r.Dataset.Department!.Code }).FirstAsync();
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Month.ToString();
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Admin)], BearerTokenHandler.SchemeName));
        Assert.Empty((await scope.ServiceProvider.GetRequiredService<SettingsCommands>().SaveAsync(new Dictionary<string, string>
            { [SettingKeys.RestrictedWindows] = month, [SettingKeys.RestrictedNotice] = "本期受理有条件开放数据申请，请按要求上传材料。" }, admin))!);
        // A provider of the dataset's own department does the first step.
        var deptUser = "prov" + Guid.NewGuid().ToString("N")[..8];
        await scope.ServiceProvider.GetRequiredService<AccountCommands>().CreateUserAsync(deptUser, AccountDemoSeeder.Password, Roles.Provider, target.Code, "部门审核员");
        var developer = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "developer");
        var devApp = await scope.ServiceProvider.GetRequiredService<AppCommands>()
            .CreateAsync(developer.Id, "developer", new CreateAppRequest("救助分析系统", 1, "受限数据调用"), default);

        // The applicant: the dataset page says why nothing can be used and leads to the form.
        var user = await SignInAsync("developer", false, $"/datasets/{target.Slug}");
        await user.ClickAsync("#download .restricted-apply");
        await user.WaitForURLAsync("**/me/restricted-applications/new?dataset=**");
        await Assertions.Expect(user.Locator($"#ds-{target.Slug}")).ToBeCheckedAsync();
        await user.FillAsync("#purpose", "用于社会救助对象精准帮扶研究与政策评估");
        await user.FillAsync("#scenario", "民政救助分析系统");
        await user.FillAsync("#fields", "全部字段"); // a grant of some fields is covered by the integration tests
        await user.FillAsync("#securityMeasures", "专网存储，访问审批留痕，期满销毁并书面报告");
        await user.FillAsync("#periodMonths", "3");
        await user.CheckAsync($"#app-{devApp.Id}");
        foreach (var kind in DocumentKinds.Required)
            await user.SetInputFilesAsync($"#doc-{kind}", new FilePayload { Name = kind + ".pdf", MimeType = "application/pdf", Buffer = Pdf });
        await user.CheckAsync("#acceptAgreement");
        await LiveApp.ScreenshotAsync(user, "restricted-apply");
        await user.ClickAsync("button[value=submit]");
        await user.WaitForURLAsync("**/me/restricted-applications/*?saved=submitted");
        var id = int.Parse(user.Url.Split('/').Last().Split('?')[0]);
        await Assertions.Expect(user.Locator(".restricted-steps")).ToContainTextAsync("提交申请");
        await Assertions.Expect(user.Locator(".restricted-withdraw")).ToBeVisibleAsync(); // undecided: the applicant may withdraw
        await LiveApp.ScreenshotAsync(user, "restricted-submitted");

        // The providing department, then a reviewer (second factor) approve.
        var provider = await SignInAsync(deptUser, false, "/restricted/review");
        await Assertions.Expect(provider.Locator(".review-table")).ToContainTextAsync($"#{id}");
        await provider.GotoAsync($"/restricted/review/{id}");
        await LiveApp.ScreenshotAsync(provider, "restricted-review");
        await provider.ClickAsync("button[value=approve]");
        await provider.WaitForURLAsync($"**/restricted/review/{id}?done=1");
        var reviewer = await SignInAsync("reviewer", true, $"/restricted/review/{id}");
        await reviewer.ClickAsync("button[value=approve]");
        await reviewer.WaitForURLAsync($"**/restricted/review/{id}?done=1");

        // The applicant sees every step, previews, downloads and calls the API.
        await user.GotoAsync($"/me/restricted-applications/{id}");
        await Assertions.Expect(user.Locator(".restricted-steps li")).ToHaveCountAsync(3);
        await LiveApp.ScreenshotAsync(user, "restricted-application");
        await user.GotoAsync($"/datasets/{target.Slug}/preview?resource={target.Id}");
        await Assertions.Expect(user.Locator(".preview-table tbody tr").First).ToBeVisibleAsync();
        await user.GotoAsync($"/datasets/{target.Slug}");
        await user.CheckAsync("#dl-agree");
        var file = await user.RunAndWaitForDownloadAsync(() => user.ClickAsync("form.download-form button[type=submit]"));
        Assert.False(string.IsNullOrEmpty(file.SuggestedFilename));
        var download = $"/api/v1/datasets/{target.Slug}/resources/{target.Id}/download?acceptAgreement=true&format=csv";
        Assert.Equal(200, (await user.APIRequest.GetAsync(download)).Status); // the same request that is refused after expiry
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var call = $"/api/v1/data/{target.ApiCode}/records?page=1&pageSize=5";
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(IndependentSigner.Get(new Uri(app.BaseUrl).Authority, devApp.AppKey, devApp.AppSecret, call))).StatusCode);
        var phone = await SignInAsync("developer", false, "/me/restricted-applications", width: 390);
        await LiveApp.ScreenshotAsync(phone, "restricted-mine-390");

        // The grant's period ends (moved into the past); once the node's grant snapshot is renewed all three are refused.
        await db.RestrictedGrants.Where(g => g.ApplicationId == id).ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        await Task.Delay(GrantCache.Lifetime + TimeSpan.FromMilliseconds(500));
        await user.GotoAsync($"/datasets/{target.Slug}/preview?resource={target.Id}");
        await Assertions.Expect(user.Locator(".alert-warning")).ToContainTextAsync("有条件开放");
        await Assertions.Expect(user.Locator(".preview-table")).ToHaveCountAsync(0);
        var refused = await user.APIRequest.GetAsync(download);
        Assert.Equal(403, refused.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(IndependentSigner.Get(new Uri(app.BaseUrl).Authority, devApp.AppKey, devApp.AppSecret, call))).StatusCode);
        await user.GotoAsync($"/datasets/{target.Slug}");
        await Assertions.Expect(user.Locator("#download .restricted-apply")).ToBeVisibleAsync();
        await LiveApp.ScreenshotAsync(user, "restricted-expired");
    }
}
