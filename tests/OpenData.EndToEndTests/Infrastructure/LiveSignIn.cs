using Microsoft.Playwright;
using OpenData.Web.Features.Accounts;
using OtpNet;

namespace OpenData.EndToEndTests.Infrastructure;

/// <summary>Signs a demo account in on a new page (password, then the demo authenticator code when asked).</summary>
public static class LiveSignIn
{
    public static string Totp() => new Totp(Base32Encoding.ToBytes(AccountDemoSeeder.AdminAuthenticatorKey)).ComputeTotp();

    public static async Task<IPage> SignInAsync(this LiveApp app, string userName, bool secondFactor, string returnUrl = "/", int width = 1366)
    {
        var page = await app.NewPageAsync(width);
        await page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", AccountDemoSeeder.Password);
        await page.ClickAsync("button:has-text('登录')");
        if (secondFactor)
        {
            await page.WaitForURLAsync("**/account/login-2fa**");
            await page.FillAsync("#Code", Totp());
            await page.ClickAsync("button:has-text('验证并登录')");
        }
        var q = returnUrl.IndexOf('?');
        await page.WaitForURLAsync(q < 0 ? "**" + returnUrl : "**" + returnUrl[..q] + "?**");
        return page;
    }
}
