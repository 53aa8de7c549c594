using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenData.EndToEndTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.DataApis.Apps;

namespace OpenData.EndToEndTests.Features.OpenIndex;

[Collection("live")]
public sealed class OpenIndexFlowTests(LiveApp app)
{
    /// <summary>Issue 18: a visitor searches, views and downloads, an app calls an API; after the administrator's rollup the open index shows it.</summary>
    [Fact]
    public async Task Searches_downloads_and_api_calls_move_the_open_index_after_the_rollup()
    {
        var word = "指数" + Guid.NewGuid().ToString("N")[..6];
        const string slug = "xingji-fandian";

        // Browse and search as a signed-in developer, download through the browser's own session.
        var dev = await app.SignInAsync("developer", secondFactor: false, returnUrl: "/datasets", width: 1280);
        await dev.FillAsync("input[name=q]", word);
        await dev.Keyboard.PressAsync("Enter");
        await dev.WaitForURLAsync("**/datasets?q=**");
        await dev.GotoAsync($"/datasets/{slug}");
        var detail = await dev.APIRequest.GetAsync($"/api/v1/datasets/{slug}");
        var resourceId = (await detail.JsonAsync())!.Value.GetProperty("resources")[0].GetProperty("id").GetInt32();
        var download = await dev.APIRequest.GetAsync($"/api/v1/datasets/{slug}/resources/{resourceId}/download?acceptAgreement=true");
        Assert.Equal(200, download.Status);

        // A signed API call of an approved app.
        var (appKey, secret, code) = await GrantedAppAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(IndependentSigner.Get(new Uri(app.BaseUrl).Authority, appKey, secret, $"/api/v1/data/{code}/records?pageSize=1"))).StatusCode);

        var visitor = await app.NewPageAsync(1280);
        await visitor.GotoAsync("/open-index?range=7d");
        await Assertions.Expect(visitor.Locator("#oi-searches")).Not.ToContainTextAsync(word);
        var downloadsBefore = await ChannelDownloadsAsync(visitor);

        var admin = await app.SignInAsync("admin", secondFactor: true, returnUrl: "/manage/open-index", width: 1280);
        await admin.ClickAsync("#oi-rollup");
        await Assertions.Expect(admin.Locator("#oi-rolled")).ToContainTextAsync("已汇总");

        await visitor.GotoAsync("/open-index?range=7d");
        await Assertions.Expect(visitor.Locator("#oi-searches")).ToContainTextAsync(word);
        Assert.Equal(downloadsBefore + 1, await ChannelDownloadsAsync(visitor));
        await Assertions.Expect(visitor.Locator("#oi-api-calls tbody")).Not.ToBeEmptyAsync();
        await Assertions.Expect(visitor.Locator("#oi-departments canvas").First).ToBeVisibleAsync();
        await LiveApp.ScreenshotAsync(visitor, "open-index-1280");

        var phone = await app.NewPageAsync(390, 844);
        await phone.GotoAsync("/open-index");
        await Assertions.Expect(phone.Locator("#oi-summary-title, #oi-s-0").First).ToBeVisibleAsync();
        await LiveApp.ScreenshotAsync(phone, "open-index-390");
        await Accessibility.AssertNoSeriousViolationsAsync(visitor);
    }

    private static async Task<long> ChannelDownloadsAsync(IPage page)
    {
        var cell = page.Locator("#oi-channels tbody tr", new() { HasText = "文件下载" }).Locator("td").Nth(1);
        return await cell.CountAsync() == 0 ? 0 : long.Parse((await cell.InnerTextAsync()).Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<(string AppKey, string Secret, string Code)> GrantedAppAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == "developer");
        var code = await db.Resources.Where(r => r.Dataset!.IsPublished && r.Dataset.OpenCondition == OpenCondition.Open && r.Versions.Any(v => v.TableName != null))
            .OrderBy(r => r.Id).Select(r => r.ApiCode).FirstAsync();
        var created = await scope.ServiceProvider.GetRequiredService<AppCommands>()
            .CreateAsync(user.Id, user.UserName!, new CreateAppRequest("开放指数演示", 1, "端到端测试"), default);
        db.ApiApplications.Add(new ApiApplication
        {
            AppId = created.Id, UserId = user.Id, ApiCode = code, Category = "科研教育", Reason = "测试", Status = ApiApplicationStatus.Approved,
            CreatedAt = DateTimeOffset.UtcNow, AgreementAcceptedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return (created.AppKey, created.AppSecret, code);
    }
}
