using OpenData.EndToEndTests.Infrastructure;

namespace OpenData.EndToEndTests.Features;

[Collection("live")]
public sealed class FramePagesTests(LiveApp app)
{
    [Fact]
    public async Task Home_page_renders_counts_and_domains_and_passes_axe()
    {
        var page = await app.NewPageAsync(1280, 900, bypassCsp: true);
        await page.GotoAsync("/");
        Assert.Equal("丽水市公共数据开放平台", await page.TitleAsync());
        Assert.Equal(22, await page.Locator(".domain-tile").CountAsync());
        Assert.True(await page.Locator(".stat-tile .num").CountAsync() >= 1);
        // Issue 19: what is new and what is used, and who opens data.
        foreach (var list in new[] { "#home-newest-datasets", "#home-top-downloads", "#home-newest-apis" })
            Assert.True(await page.Locator($"{list} li").CountAsync() > 0, list + " is empty");
        Assert.True(await page.Locator("#home-departments li").CountAsync() > 20);
        await LiveApp.ScreenshotAsync(page, "home");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    /// <summary>
    /// Issue 19 (ADR 0190), under the real CSP: page modules load through the hashed import map, the analysis page
    /// draws its first chart before 分析 is pressed; on a phone 字段概况 keeps its headers on one line and the
    /// manual's contents fold.
    /// </summary>
    [Fact]
    public async Task Charts_draw_under_the_CSP_and_phone_pages_fold_their_wide_parts()
    {
        var page = await app.NewPageAsync(1280, 900);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync("/datasets/kongqi-zhiliang-ribao/analysis");
        await page.Locator("#analysis-chart canvas").WaitForAsync();
        await LiveApp.ScreenshotAsync(page, "analysis-first-chart");
        await page.GotoAsync("/developer/docs");
        Assert.True(await page.Locator("details.manual-toc-fold").GetAttributeAsync("open") is not null);
        await LiveApp.ScreenshotAsync(page, "developer-docs");
        Assert.Empty(errors); // no CSP refusal of the import map, no module that failed to load

        var phone = await app.NewPageAsync(390, 844);
        await phone.GotoAsync("/datasets/kongqi-zhiliang-ribao/preview");
        var header = phone.Locator(".column-profile thead th").Filter(new() { HasText = "不同值数" });
        Assert.True((await header.BoundingBoxAsync())!.Height < 40, "字段概况 headers stay on one line");
        await LiveApp.ScreenshotAsync(phone, "preview-phone");
        await phone.GotoAsync("/developer/docs");
        Assert.Null(await phone.Locator("details.manual-toc-fold").GetAttributeAsync("open"));
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the manual's index fits the phone");
        Assert.False(await phone.Locator(".manual-toc ul").First.IsVisibleAsync());
        await phone.Locator(".manual-toc-summary").ClickAsync();
        Assert.True(await phone.Locator(".manual-toc ul").First.IsVisibleAsync());
        await LiveApp.ScreenshotAsync(phone, "developer-docs-phone");
    }

    [Fact]
    public async Task Large_text_mode_persists_across_pages()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        var before = await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).fontSize");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "长者模式" }).ClickAsync();
        await page.WaitForURLAsync("**/");
        Assert.Equal("20px", await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).fontSize"));
        await page.GotoAsync("/not-a-page");
        Assert.Equal("20px", await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).fontSize"));
        Assert.Equal("16px", before);
        await LiveApp.ScreenshotAsync(page, "large-text-404");
    }

    [Fact]
    public async Task On_a_phone_the_navigation_folds_into_a_menu()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync("/");
        var menu = page.Locator("label.nav-toggle-label");
        Assert.True(await menu.IsVisibleAsync());
        Assert.False(await page.Locator(".main-nav ul").IsVisibleAsync());
        await LiveApp.ScreenshotAsync(page, "home-phone");
        await menu.ClickAsync();
        Assert.True(await page.Locator(".main-nav ul").IsVisibleAsync());
        // Every area's entry fits the phone's width once the menu is open (nine entries since 开放指数 landed).
        var items = page.Locator(".main-nav ul a");
        Assert.Equal(9, await items.CountAsync());
        for (var i = 0; i < 9; i++)
        {
            var box = await items.Nth(i).BoundingBoxAsync();
            Assert.True(box is { Width: > 0 } && box.X >= 0 && box.X + box.Width <= 390, $"menu entry {i} is off screen");
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(LiveApp.ScreenshotDir, "nav-phone-open.png") });
    }
}
