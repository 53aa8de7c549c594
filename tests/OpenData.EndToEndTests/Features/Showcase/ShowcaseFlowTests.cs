using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenData.EndToEndTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Features.Accounts;
using OtpNet;
using SkiaSharp;

namespace OpenData.EndToEndTests.Features.Showcase;

[Collection("live")]
public sealed class ShowcaseFlowTests(LiveApp app)
{
    [Fact]
    public async Task A_user_submits_a_result_with_two_screenshots_a_reviewer_approves_and_it_appears_on_apps_the_home_page_and_its_dataset()
    {
        string slug;
        using (var scope = app.Services.CreateScope())
            slug = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Datasets.Where(d => d.IsPublished).OrderBy(d => d.Id).Select(d => d.Slug).Skip(5).FirstAsync();
        var name = "丽水停车导航" + Guid.NewGuid().ToString("N")[..4];
        var shots = new[] { Draw(SKColors.SteelBlue), Draw(SKColors.DarkOrange) };

        var dev = await app.NewPageAsync(1280);
        await DataApis.ApiApplicationFlowTests.SignInAsync(dev, "developer");
        await dev.GotoAsync("/me/showcase/new");
        await dev.FillAsync("#f-name", name);
        await dev.SelectOptionAsync("#f-type", "service");
        await dev.SelectOptionAsync("#f-domain", "1");
        await dev.FillAsync("#f-team", "端到端测试团队");
        await dev.FillAsync("#f-summary", "根据停车场开放数据提示空余泊位并导航到最近的停车场。");
        await dev.SelectOptionAsync("#f-datasets", slug);
        await dev.FillAsync("#f-url", "https://parking.example.cn/");
        await dev.SetInputFilesAsync("#f-shots", shots.Select((b, i) => new FilePayload { Name = $"shot{i}.png", MimeType = "image/png", Buffer = b }).ToArray());
        await dev.FillAsync("#f-alts", "首页地图\n泊位列表");
        await dev.ClickAsync("button:has-text('提交审核')");
        await dev.WaitForURLAsync("**/me/showcase?submitted=*");
        await Assertions.Expect(dev.Locator("main")).ToContainTextAsync("待审核");

        var reviewer = await app.NewPageAsync(1280);
        await DataApis.ApiApplicationFlowTests.SignInAsync(reviewer, "reviewer");
        await reviewer.FillAsync("#Code", new Totp(Base32Encoding.ToBytes(AccountDemoSeeder.AdminAuthenticatorKey)).ComputeTotp());
        await reviewer.ClickAsync("button:has-text('验证并登录')");
        await reviewer.GotoAsync("/admin/showcase");
        var card = reviewer.Locator("article", new() { HasText = name });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await card.Locator("button:has-text('通过')").ClickAsync();
        await reviewer.WaitForURLAsync("**/admin/showcase?done=true");

        var visitor = await app.NewPageAsync(1280);
        await visitor.GotoAsync("/apps");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(name);
        await LiveApp.ScreenshotAsync(visitor, "apps-list-1280");
        await visitor.GotoAsync("/");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(name);
        await visitor.GotoAsync($"/datasets/{slug}");
        await Assertions.Expect(visitor.Locator("#apps")).ToContainTextAsync(name);
        await visitor.ClickAsync($"#apps a:has-text('{name}')");
        await Assertions.Expect(visitor.Locator("h1")).ToContainTextAsync(name);
        // The gallery: two pictures with their alt text, switched with the keyboard.
        await Assertions.Expect(visitor.Locator(".gallery-stage img[alt='首页地图']")).ToBeVisibleAsync();
        await visitor.FocusAsync("#shot-0");
        await visitor.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(visitor.Locator(".gallery-stage img[alt='泊位列表']")).ToBeVisibleAsync();
        await LiveApp.ScreenshotAsync(visitor, "apps-detail-1280");

        var phone = await app.NewPageAsync(390, 844);
        await phone.GotoAsync("/apps");
        await LiveApp.ScreenshotAsync(phone, "apps-list-390");
        await phone.GotoAsync(visitor.Url);
        await LiveApp.ScreenshotAsync(phone, "apps-detail-390");
    }

    private static byte[] Draw(SKColor color)
    {
        using var bitmap = new SKBitmap(800, 500);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.WhiteSmoke);
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            canvas.DrawRect(0, 0, 800, 60, paint);
            for (var i = 0; i < 6; i++) canvas.DrawRoundRect(60 + i * 120, 460 - 40 * (i + 1), 80, 40 * (i + 1), 6, 6, paint);
        }
        using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
