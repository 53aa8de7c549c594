using System.Diagnostics;
using Microsoft.Playwright;
using OpenData.EndToEndTests.Infrastructure;
using OpenData.Web.Features.Accounts;
using OtpNet;

namespace OpenData.EndToEndTests.Features.News;

[Collection("live")]
public sealed class NewsAndManualFlowTests(LiveApp app)
{
    private static string Totp() => new Totp(Base32Encoding.ToBytes(AccountDemoSeeder.AdminAuthenticatorKey)).ComputeTotp();

    [Fact]
    public async Task An_administrator_publishes_an_article_with_an_attachment_that_reaches_home_news_and_feed_and_runs_no_script()
    {
        var admin = await app.NewPageAsync();
        await admin.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString("/admin/news/new"));
        await admin.FillAsync("#UserName", "admin");
        await admin.FillAsync("#Password", AccountDemoSeeder.Password);
        await admin.ClickAsync("button:has-text('登录')");
        await admin.WaitForURLAsync("**/account/login-2fa**");
        await admin.FillAsync("#Code", Totp());
        await admin.ClickAsync("button:has-text('验证并登录')");
        await admin.WaitForURLAsync("**/admin/news/new");

        var title = "关于开展公共数据开放质量评估的通知 " + Guid.NewGuid().ToString("N")[..4];
        await admin.FillAsync("#n-title", title);
        await admin.SelectOptionAsync("#n-cat", "policy");
        await admin.FillAsync("#n-summary", "部署年度数据质量评估工作。");
        // Typed, not filled, so the editor's input events drive the live preview.
        await admin.Locator("#n-body").PressSequentiallyAsync("## 评估范围\n\n全部**已开放**数据集。\n\n<script>window.__odpPwned = 1</script>\n\n<img src=\"x.png\" onerror=\"window.__odpPwned = 2\">\n\n<iframe src=\"/\"></iframe>\n\n[查看](javascript:window.__odpPwned=3)\n");
        await Assertions.Expect(admin.Locator("#news-preview h2")).ToHaveTextAsync("评估范围");
        await Assertions.Expect(admin.Locator("#news-preview strong")).ToHaveTextAsync("已开放");
        Assert.Equal(0, await admin.Locator("#news-preview script, #news-preview iframe, #news-preview [onerror]").CountAsync());
        await admin.SetInputFilesAsync("#n-file", new FilePayload { Name = "评估方案.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await LiveApp.ScreenshotAsync(admin, "news-editor");
        await admin.ClickAsync("button:has-text('发布')");
        await admin.WaitForURLAsync("**/admin/news/*/edit?msg=*");
        await Assertions.Expect(admin.Locator(".alert-success")).ToContainTextAsync("附件「评估方案.pdf」已上传");

        // An executable renamed .pdf is refused with a message.
        await admin.SetInputFilesAsync("#n-file", new FilePayload { Name = "补丁.pdf", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0x00, 0x03] });
        await admin.ClickAsync("button:has-text('保存草稿')");
        await Assertions.Expect(admin.Locator(".alert-danger")).ToContainTextAsync("可执行程序");
        await admin.ClickAsync("button:has-text('发布')");
        await admin.WaitForURLAsync("**/admin/news/*/edit?msg=*");

        // A visitor sees it on the home page, in 政策动态 and in the feed; the page runs none of the injected code.
        var visitor = await app.NewPageAsync(1280, 900, bypassCsp: true);
        var dialogs = 0;
        visitor.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await visitor.GotoAsync("/");
        await Assertions.Expect(visitor.Locator(".latest-news")).ToContainTextAsync(title);
        await visitor.GotoAsync("/news");
        await Assertions.Expect(visitor.Locator(".news-list")).ToContainTextAsync(title);
        await LiveApp.ScreenshotAsync(visitor, "news-list");
        var feed = await visitor.APIRequest.GetAsync("/news/feed.atom?category=policy");
        Assert.Contains(title, await feed.TextAsync());
        await visitor.ClickAsync($"a:has-text('{title}')");
        await Assertions.Expect(visitor.Locator("h1")).ToContainTextAsync(title);
        await Assertions.Expect(visitor.Locator(".article-files")).ToContainTextAsync("评估方案.pdf");
        Assert.Equal(0, await visitor.Locator(".article-body script, .article-body iframe, .article-body [onerror], .article-body a[href^='javascript']").CountAsync());
        Assert.Equal("undefined", await visitor.EvaluateAsync<string>("() => typeof window.__odpPwned"));
        Assert.Equal(0, dialogs);
        await LiveApp.ScreenshotAsync(visitor, "news-article");
        var phone = await app.NewPageAsync(390, 844);
        await phone.GotoAsync(visitor.Url);
        await LiveApp.ScreenshotAsync(phone, "news-article-390");
        await phone.GotoAsync("/news");
        await LiveApp.ScreenshotAsync(phone, "news-list-390");
    }

    [Fact]
    public async Task A_developer_follows_the_access_guide_and_its_python_and_javascript_code_runs()
    {
        var page = await app.NewPageAsync(1280, 900);
        await page.GotoAsync("/developer");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("开发者中心");
        await LiveApp.ScreenshotAsync(page, "developer");
        await page.ClickAsync(".dev-hero a:has-text('接入指南')");
        await page.WaitForURLAsync("**/developer/docs/access-guide");
        await LiveApp.ScreenshotAsync(page, "developer-docs");
        foreach (var (lang, file, exe) in new[] { ("python", "sign.py", "python3"), ("javascript", "sign.mjs", "node") })
        {
            // What a developer copies from the page: the code block's text.
            var code = await page.Locator($"code.language-{lang}").InnerTextAsync();
            var output = await RunAsync(code, file, exe);
            Assert.Contains("X-ODP-Signature: /VOqcDraO+ATqSq6FqQrrWdxUjU8Ca0TikH0/busDsE=", output);
        }
        var phone = await app.NewPageAsync(390, 844);
        await phone.GotoAsync("/developer");
        await LiveApp.ScreenshotAsync(phone, "developer-390");
        await phone.GotoAsync("/developer/docs/access-guide");
        await LiveApp.ScreenshotAsync(phone, "developer-docs-390");
    }

    private static async Task<string> RunAsync(string code, string file, string exe)
    {
        var dir = Directory.CreateTempSubdirectory("odp-e2e-sample-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, file), code);
            var psi = new ProcessStartInfo(exe, file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            var output = await stdout + await stderr;
            Assert.True(p.ExitCode == 0, output);
            return output;
        }
        finally { try { Directory.Delete(dir, true); } catch (IOException) { } }
    }
}
