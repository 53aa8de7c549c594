using Microsoft.Playwright;
using OpenData.EndToEndTests.Infrastructure;
using OpenData.Web.Features.Accounts;
using OtpNet;

namespace OpenData.EndToEndTests.Features;

/// <summary>
/// 地图服务 with no network beyond the app itself (every other request is aborted, as on an offline government
/// network): an administrator uploads a boundary, a visitor turns on two layers, opens a popup, shares the URL,
/// and the shared URL reopens the same map on a phone.
/// </summary>
[Collection("live")]
public sealed class MapFlowTests(LiveApp app)
{
    private static string Totp() => new Totp(Base32Encoding.ToBytes(AccountDemoSeeder.AdminAuthenticatorKey)).ComputeTotp();

    /// <summary>A page whose context may reach only the app; returns the list of outside requests it refused.</summary>
    private async Task<(IPage Page, List<string> Refused)> OfflinePageAsync(int width, int height)
    {
        var page = await app.NewPageAsync(width, height);
        var refused = new List<string>();
        await page.Context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(app.BaseUrl, StringComparison.Ordinal)) await route.ContinueAsync();
            else { refused.Add(route.Request.Url); await route.AbortAsync("internetdisconnected"); }
        });
        return (page, refused);
    }

    private static byte[] CountiesFile()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenData.slnx"))) dir = dir.Parent;
        var text = File.ReadAllText(Path.Combine(dir!.FullName, "src/OpenData.Web/Features/Datasets/Demo/lishui-counties.geojson"));
        return System.Text.Encoding.UTF8.GetBytes(text);
    }

    [Fact]
    public async Task Offline_an_uploaded_boundary_and_two_layers_show_a_popup_opens_and_the_shared_url_reopens_the_map()
    {
        var (admin, adminRefused) = await OfflinePageAsync(1280, 900);
        await admin.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString("/admin/map"));
        await admin.FillAsync("#UserName", "admin");
        await admin.FillAsync("#Password", AccountDemoSeeder.Password);
        await admin.ClickAsync("button:has-text('登录')");
        await admin.WaitForURLAsync("**/account/login-2fa**");
        await admin.FillAsync("#Code", Totp());
        await admin.ClickAsync("button:has-text('验证并登录')");
        await admin.WaitForURLAsync("**/admin/map");
        await admin.FillAsync("#b-name", "丽水市县级行政区划（测试上传）");
        await admin.Locator("#b-file").SetInputFilesAsync(new FilePayload { Name = "lishui.geojson", MimeType = "application/geo+json", Buffer = CountiesFile() });
        await admin.ClickAsync("button:has-text('上传并启用')");
        await Assertions.Expect(admin.Locator(".alert-success")).ToContainTextAsync("9 个区域");
        await Assertions.Expect(admin.Locator(".boundary-areas")).ToContainTextAsync("莲都区（331102）");
        await LiveApp.ScreenshotAsync(admin, "map-admin-boundary");

        var (page, refused) = await OfflinePageAsync(1280, 900);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/map");
        await Assertions.Expect(page.Locator(".leaflet-overlay-pane path").First).ToBeVisibleAsync(); // the boundary, drawn without tiles
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索图层" }).FillAsync("饭店");
        await page.GetByLabel("星级饭店", new() { Exact = false }).First.CheckAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索图层" }).FillAsync("");
        await page.Locator("input[name=layer][value^='kongqi-jiance-zhandian:']").CheckAsync();
        await Assertions.Expect(page.Locator("[data-map-legend] li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-map-legend] li").Nth(1).Locator("[data-map-note]")).ToContainTextAsync("个点", new() { Timeout = 30_000 });
        Assert.Empty(errors);

        // Zoom into clusters until single points show, then open one's popup.
        for (var i = 0; i < 8 && await page.Locator(".map-dot").CountAsync() == 0; i++)
        {
            await page.Locator(".map-count").First.ClickAsync();
            await page.WaitForTimeoutAsync(700);
        }
        await page.Locator(".map-dot").First.ClickAsync();
        var popup = page.Locator(".leaflet-popup .map-popup");
        await Assertions.Expect(popup).ToBeVisibleAsync();
        await Assertions.Expect(popup.Locator("a")).ToHaveTextAsync("查看数据集");
        await LiveApp.ScreenshotAsync(page, "map-1280");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var shared = await page.Locator("[data-map-share]").InputValueAsync();
        Assert.Contains("layers=", shared);
        Assert.Contains("&z=", shared);
        var (phone, phoneRefused) = await OfflinePageAsync(390, 844);
        await phone.GotoAsync(shared);
        await Assertions.Expect(phone.Locator("input[name=layer][value^='kongqi-jiance-zhandian:']")).ToBeCheckedAsync();
        await Assertions.Expect(phone.Locator("input[name=layer]:checked")).ToHaveCountAsync(2);
        await Assertions.Expect(phone.Locator(".map-dot, .map-count").First).ToBeVisibleAsync();
        var zoom = new Uri(shared).Query.Split('&').First(p => p.StartsWith("z=", StringComparison.Ordinal))[2..];
        Assert.Equal(double.Parse(zoom, System.Globalization.CultureInfo.InvariantCulture), await phone.EvaluateAsync<double>("() => window.odpMap.getZoom()"));
        await LiveApp.ScreenshotAsync(phone, "map-390");
        Assert.Empty(adminRefused.Concat(refused).Concat(phoneRefused));
    }
}
