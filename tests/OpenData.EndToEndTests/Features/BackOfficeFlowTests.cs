using Microsoft.Playwright;
using OpenData.EndToEndTests.Infrastructure;

namespace OpenData.EndToEndTests.Features;

[Collection("live")]
public sealed class BackOfficeFlowTests(LiveApp app)
{
    private Task<IPage> SignInAsync(string userName, bool secondFactor, string returnUrl = "/") => app.SignInAsync(userName, secondFactor, returnUrl);

    [Fact]
    public async Task An_administrator_changes_the_download_agreement_and_a_user_must_accept_it_before_downloading_and_the_auditor_sees_it()
    {
        // A user who accepted the download agreement in force by downloading once from the dataset page.
        var user = await SignInAsync("developer", secondFactor: false, "/datasets/xingji-fandian");
        await user.CheckAsync("#dl-agree");
        var first = await user.RunAndWaitForDownloadAsync(() => user.ClickAsync("form.download-form button[type=submit]"));
        Assert.EndsWith(".csv", first.SuggestedFilename);

        // The administrator (password + authenticator) publishes a new version.
        var admin = await SignInAsync("admin", secondFactor: true, "/admin");
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("工作台");
        await LiveApp.ScreenshotAsync(admin, "admin-dashboard");
        await Accessibility.AssertNoSeriousViolationsAsync(admin);
        await admin.GotoAsync("/admin/agreements/download");
        var clause = "使用本平台数据须注明来源并遵守新修订的条款 " + Guid.NewGuid().ToString("N")[..6];
        await admin.FillAsync("#Text", clause + "\n不得用于违法用途。");
        await admin.ClickAsync("button:has-text('发布为新版本')");
        await Assertions.Expect(admin.Locator("#published")).ToBeVisibleAsync();
        var version = (await admin.Locator("#current-version").InnerTextAsync()).Trim();
        await LiveApp.ScreenshotAsync(admin, "admin-agreements");
        await admin.GotoAsync("/admin/users?role=Provider");
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("provider");
        await LiveApp.ScreenshotAsync(admin, "admin-users");

        // The user's next download stops at the new version: read it, accept it, and the download goes through.
        await user.GotoAsync("/datasets/xingji-fandian");
        await Assertions.Expect(user.Locator(".agreement-version")).ToHaveTextAsync(version);
        await user.CheckAsync("#dl-agree");
        await user.ClickAsync("form.download-form button[type=submit]");
        await user.WaitForURLAsync("**/agreements/download?returnUrl=**");
        await Assertions.Expect(user.Locator("#agreement-changed")).ToContainTextAsync("已更新");
        await Assertions.Expect(user.Locator("main")).ToContainTextAsync(clause);
        await LiveApp.ScreenshotAsync(user, "agreement-accept");
        await user.CheckAsync("#agree");
        await user.ClickAsync("button:has-text('同意并继续')");
        await user.WaitForURLAsync("**/datasets/xingji-fandian?resource=*");
        await user.CheckAsync("#dl-agree");
        var second = await user.RunAndWaitForDownloadAsync(() => user.ClickAsync("form.download-form button[type=submit]"));
        Assert.EndsWith(".csv", second.SuggestedFilename);

        // The auditor (a separate role) finds the publication in the audit log; the administrator cannot open it.
        await admin.GotoAsync("/admin/audit");
        Assert.Contains("/account/access-denied", admin.Url);
        var auditor = await SignInAsync("auditor", secondFactor: true, "/admin/audit?action=agreement.published");
        await Assertions.Expect(auditor.Locator("main")).ToContainTextAsync("agreement:download");
        await Assertions.Expect(auditor.Locator("main")).ToContainTextAsync(version);
        await LiveApp.ScreenshotAsync(auditor, "admin-audit");
    }
}
