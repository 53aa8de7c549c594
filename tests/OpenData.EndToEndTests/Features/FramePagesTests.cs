using OpenData.EndToEndTests.Infrastructure;

namespace OpenData.EndToEndTests.Features;

[Collection("live")]
public sealed class FramePagesTests(LiveApp app)
{
    [Fact]
    public async Task Home_page_renders_counts_and_domains_and_passes_axe()
    {
        var page = await app.NewPageAsync(bypassCsp: true);
        await page.GotoAsync("/");
        Assert.Equal("丽水市公共数据开放平台", await page.TitleAsync());
        Assert.Equal(22, await page.Locator(".domain-tile").CountAsync());
        Assert.True(await page.Locator(".stat-tile .num").CountAsync() >= 1);
        await LiveApp.ScreenshotAsync(page, "home");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
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
        await menu.ClickAsync();
        Assert.True(await page.Locator(".main-nav ul").IsVisibleAsync());
        await LiveApp.ScreenshotAsync(page, "home-phone");
    }
}
