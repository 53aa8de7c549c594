using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenData.EndToEndTests.Infrastructure;
using OpenData.Web.Data;

namespace OpenData.EndToEndTests.Features;

/// <summary>
/// A user rates, comments and reports an error on a dataset; the provider replies and fixes it from the workbench;
/// the user sees the message and the new status. A script in a comment is shown as text and never runs.
/// </summary>
[Collection("live")]
public sealed class InteractionFlowTests(LiveApp app)
{
    private const string Xss = "很实用的数据<script>window.__xss=1</script>";

    private static async Task SignInAsync(IPage page, string user, string returnUrl)
    {
        await page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("登录名").FillAsync(user);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("OpenData#2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**" + returnUrl.Split('#')[0]);
    }

    private async Task<string> ProviderDatasetAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Datasets.Where(d => d.IsPublished && d.Department!.Code == "sthjj").OrderBy(d => d.Id).Select(d => d.Slug).FirstAsync();
    }

    [Fact]
    public async Task A_user_rates_comments_and_reports_an_error_and_sees_the_providers_fix()
    {
        var slug = await ProviderDatasetAsync();
        var url = $"/datasets/{slug}";
        var user = await app.NewPageAsync();
        await SignInAsync(user, "developer", url);

        await user.Locator("label[for=stars-4]").ClickAsync();
        await user.GetByRole(AriaRole.Button, new() { Name = "提交评分" }).ClickAsync();
        await user.Locator("#rating .alert").WaitForAsync();
        Assert.Contains("4 星", await user.Locator("#rating").InnerTextAsync());

        await user.GetByLabel("发表评论").FillAsync(Xss);
        await user.GetByRole(AriaRole.Button, new() { Name = "发表评论" }).ClickAsync();
        await user.Locator("#comments .alert").WaitForAsync();
        Assert.Contains(Xss, await user.Locator("#comments .comment-body").First.InnerTextAsync());
        Assert.True(await user.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'"));

        await user.Locator(".detail-actions").GetByRole(AriaRole.Link, new() { Name = "纠错" }).ClickAsync();
        await user.GetByLabel("纠错类型").SelectOptionAsync(new SelectOptionValue { Label = "数据错误" });
        await user.GetByLabel("出错的字段或行（可选）").FillAsync("第 3 行");
        await user.GetByLabel("问题描述").FillAsync("第 3 行的监测值单位应为 mg/L");
        await user.GetByRole(AriaRole.Button, new() { Name = "提交纠错" }).ClickAsync();
        await user.Locator("#corrections .alert").WaitForAsync();
        Assert.Contains("待处理", await user.Locator(".correction-log").InnerTextAsync());
        await user.Locator("#rating").ScrollIntoViewIfNeededAsync();
        await LiveApp.ScreenshotAsync(user, "interaction-dataset-user");

        var provider = await app.NewPageAsync();
        await SignInAsync(provider, "provider", "/interact/workbench");
        Assert.Contains("第 3 行的监测值单位应为 mg/L", await provider.Locator("table.workbench").InnerTextAsync());
        await LiveApp.ScreenshotAsync(provider, "interaction-workbench");
        await provider.Locator("table.workbench tr", new() { HasText = "监测值单位" }).GetByRole(AriaRole.Link, new() { Name = "处理" }).ClickAsync();
        await provider.GetByLabel("处理状态").SelectOptionAsync(new SelectOptionValue { Label = "已修正" });
        await provider.GetByLabel("答复（公开显示在纠错记录中；“已修正”和“不予采纳”须填写）").FillAsync("已更正单位，感谢指正");
        await provider.GetByRole(AriaRole.Button, new() { Name = "保存并通知纠错人" }).ClickAsync();
        await provider.Locator(".alert-success").WaitForAsync();

        await provider.GotoAsync(url + "#comments");
        var comment = provider.Locator("#comments li.comment", new() { HasText = "很实用的数据" });
        await comment.GetByRole(AriaRole.Textbox).FillAsync("感谢使用，数据每月更新");
        await comment.GetByRole(AriaRole.Button, new() { Name = "回复" }).ClickAsync();
        await provider.Locator("#comments .alert").WaitForAsync();

        await user.GotoAsync("/me/messages");
        var messages = await user.Locator(".message-list").InnerTextAsync();
        Assert.Contains("已修正", messages);
        Assert.Contains("回复了您的评论", messages);
        await LiveApp.ScreenshotAsync(user, "interaction-messages");
        await user.GotoAsync(url + "#corrections");
        Assert.Contains("已修正", await user.Locator(".correction-log").InnerTextAsync());
        Assert.Contains("感谢使用，数据每月更新", await user.Locator("#comments").InnerTextAsync());
        Assert.True(await user.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'"));
        await user.Locator("#comments").ScrollIntoViewIfNeededAsync();
        await LiveApp.ScreenshotAsync(user, "interaction-dataset-fixed");
    }

    [Fact]
    public async Task Interaction_pages_and_the_signed_in_dataset_widgets_pass_axe()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "developer", "/interact");
        await LiveApp.ScreenshotAsync(page, "interaction-home");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        foreach (var url in new[] { "/interact/requests", "/interact/requests/new", "/interact/feedback", "/me/favorites", "/me/subscriptions", $"/datasets/{await ProviderDatasetAsync()}?report=1" })
        {
            await page.GotoAsync(url);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }
        await LiveApp.ScreenshotAsync(page, "interaction-dataset-signed-in");
    }
}
