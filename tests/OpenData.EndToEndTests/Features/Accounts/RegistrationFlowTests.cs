using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using OpenData.EndToEndTests.Infrastructure;
using OpenData.Web.Features.Accounts;

namespace OpenData.EndToEndTests.Features.Accounts;

[Collection("live")]
public sealed class RegistrationFlowTests(LiveApp app)
{
    [Fact]
    public async Task A_citizen_registers_signs_in_again_opens_the_personal_centre_and_creates_a_working_token()
    {
        var page = await app.NewPageAsync(bypassCsp: true);
        await page.GotoAsync("/");
        await LiveApp.ScreenshotAsync(page, "home");
        await page.GetByRole(AriaRole.Link, new() { Name = "注册", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/account/register");

        // First a wrong ID number: the message stands beside the field and the typed values stay.
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var id = IdNumber.Make("331102", new DateOnly(1988, 3, 14), 37, "女");
        await page.FillAsync("#UserName", $"citizen{suffix}");
        await page.FillAsync("#Password", "Lishui2026data");
        await page.FillAsync("#ConfirmPassword", "Lishui2026data");
        await page.FillAsync("#RealName", "叶晓雯");
        await page.CheckAsync("#Gender-女");
        await page.FillAsync("#IdNumber", id[..17] + (id[17] == '0' ? '1' : '0'));
        await page.FillAsync("#PhoneNumber", "139" + Random.Shared.Next(10000000, 99999999));
        await page.FillAsync("#Email", $"ye{suffix}@example.com");
        await page.SelectOptionAsync("#Industry", "信息技术");
        await page.SelectOptionAsync("#Occupation", "数据分析");
        await page.CheckAsync("#AcceptAgreement");
        await LiveApp.ScreenshotAsync(page, "register-form");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ClickAsync("button:has-text('注册并登录')");
        await Assertions.Expect(page.Locator("#IdNumber-error, [id^='IdNumber'][id$='error']").First).ToContainTextAsync("校验位");
        Assert.Equal("叶晓雯", await page.InputValueAsync("#RealName"));
        await LiveApp.ScreenshotAsync(page, "register-error");

        await page.FillAsync("#IdNumber", id);
        await page.FillAsync("#Password", "Lishui2026data");
        await page.FillAsync("#ConfirmPassword", "Lishui2026data");
        await page.ClickAsync("button:has-text('注册并登录')");
        await page.WaitForURLAsync("**/me?welcome=1");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(IdNumber.Mask(id));
        Assert.DoesNotContain(id, await page.ContentAsync());

        // Sign out and in again through the login form.
        await page.ClickAsync("button:has-text('退出')");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", $"citizen{suffix}");
        await page.FillAsync("#Password", "Lishui2026data");
        await page.ClickAsync("button:has-text('登录')");
        await page.GotoAsync("/me");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"citizen{suffix}");
        await LiveApp.ScreenshotAsync(page, "me-profile");

        await page.GotoAsync("/me/tokens");
        await page.FillAsync("#TokenName", "数据分析脚本");
        await page.ClickAsync("button:has-text('创建令牌')");
        var token = (await page.Locator("#new-token").InnerTextAsync()).Trim();
        Assert.StartsWith("odp_", token);
        await LiveApp.ScreenshotAsync(page, "me-tokens");

        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = JsonDocument.Parse(await http.GetStringAsync("/api/v1/me")).RootElement;
        Assert.Equal($"citizen{suffix}", me.GetProperty("userName").GetString());
        Assert.Equal(IdNumber.Mask(id), me.GetProperty("idNumberMasked").GetString());
    }
}
