using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenData.EndToEndTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.EndToEndTests.Features;

/// <summary>
/// The interaction widgets on an API page and its card, and the server-side pager, in Chromium (with screenshots):
/// a user favorites and rates an API from the keyboard and pages through data requests.
/// </summary>
[Collection("live")]
public sealed class ApiInteractionScreens(LiveApp app)
{
    [Fact]
    public async Task A_user_favorites_and_rates_an_api_and_pages_through_data_requests()
    {
        string code;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            // An API nobody has rated yet: the demo rates many, and this test checks the first rating's count.
            code = await db.Resources.Where(r => r.Dataset!.IsPublished && r.Format == "CSV"
                    && !db.Ratings.Any(x => x.ItemKind == "api" && x.ItemKey == r.ApiCode))
                .OrderBy(r => r.Id).Select(r => r.ApiCode).FirstAsync();
            var start = DateTimeOffset.UtcNow.AddDays(-2);
            db.DataRequests.AddRange(Enumerable.Range(1, 23).Select(i => new DataRequest
            {
                UserId = "e2e", UserName = "e2e", Title = $"分页演示请求 {i}", Description = "d", Purpose = "p", DepartmentCode = "sthjj",
                Status = DataRequestStatus.Pending, CreatedAt = start.AddMinutes(i),
            }));
            await db.SaveChangesAsync();
        }
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString($"/apis/{code}"));
        await page.GetByLabel("登录名").FillAsync("developer");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("OpenData#2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/apis/{code}");

        // 收藏 from the keyboard: focus the button and press Enter.
        await page.Locator("form[action$='/favorite'] button").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".fav-btn.is-on").WaitForAsync();
        await page.Locator("label[for=stars-5]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
        await page.Locator("#rating .alert").WaitForAsync();
        Assert.Contains("1 人评价", await page.Locator("#rating").InnerTextAsync());
        await LiveApp.ScreenshotAsync(page, "api-detail-interaction");

        await page.GotoAsync("/apis?sort=rating");
        // Its card, wherever the sort puts it among the demo's rated APIs (the ranking itself is an integration test).
        Assert.Contains("已收藏", await page.Locator(".api-card", new() { Has = page.Locator($"a[href='/apis/{code}']") }).First.InnerTextAsync());
        await LiveApp.ScreenshotAsync(page, "api-list-rating-sort");

        await page.GotoAsync("/interact/requests?status=Pending&org=sthjj");
        var next = page.Locator(".list-pager").GetByRole(AriaRole.Link, new() { Name = "第 2 页" });
        await next.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**page=2");
        Assert.Contains("status=Pending", page.Url);
        Assert.Equal("page", await page.Locator(".list-pager [aria-current]").GetAttributeAsync("aria-current"));
        await Assertions.Expect(page.Locator(".list-pager .page-item.active")).ToHaveTextAsync("2");
        await LiveApp.ScreenshotAsync(page, "requests-page-2");
    }
}
