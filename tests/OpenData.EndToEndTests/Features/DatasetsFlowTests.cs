using System.Text;
using Microsoft.Playwright;
using OpenData.EndToEndTests.Infrastructure;

namespace OpenData.EndToEndTests.Features;

/// <summary>A provider publishes a dataset with a CSV; a registered user finds it by a Chinese keyword and downloads it.</summary>
[Collection("live")]
public sealed class DatasetsFlowTests(LiveApp app)
{
    private const string Csv = "监测断面,鱼类种数,调查日期\n瓯江大港头,42,2026-05-10\n小溪玉溪,37,2026-05-12\n";

    private static async Task SignInAsync(IPage page, string user, string returnUrl)
    {
        await page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("登录名").FillAsync(user);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync("OpenData#2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**" + returnUrl);
    }

    [Fact]
    public async Task Provider_publishes_a_csv_and_a_developer_finds_it_by_keyword_and_downloads_it()
    {
        var provider = await app.NewPageAsync();
        await SignInAsync(provider, "provider", "/manage/datasets");
        await LiveApp.ScreenshotAsync(provider, "manage-list");
        await provider.GetByRole(AriaRole.Link, new() { Name = "新建数据集" }).ClickAsync();
        await provider.GetByLabel("数据集名称").FillAsync("瓯江流域鱼类资源调查");
        await provider.GetByLabel("简介").FillAsync("瓯江干流及主要支流监测断面的鱼类种数调查结果。");
        await provider.GetByLabel("数据领域").SelectOptionAsync(new SelectOptionValue { Label = "生态环境" });
        await provider.GetByLabel("标签").FillAsync("鱼类，生物多样性");
        await provider.GetByRole(AriaRole.Button, new() { Name = "创建并上传文件" }).ClickAsync();
        await provider.WaitForURLAsync("**/upload?created=1");
        await provider.GetByLabel("数据文件").WaitForAsync();
        await LiveApp.ScreenshotAsync(provider, "manage-upload");

        await provider.GetByLabel("数据文件").SetInputFilesAsync(new FilePayload
        {
            Name = "鱼类调查.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Csv),
        });
        await provider.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await provider.WaitForURLAsync("**/manage/jobs/*");
        await provider.Locator(".job-panel").WaitForAsync();
        // The worker loads the file in the background; the job page refreshes itself (every 3 s) until it is done.
        await Microsoft.Playwright.Assertions.Expect(provider.Locator(".job-panel .badge"))
            .ToHaveTextAsync("已完成", new() { Timeout = 60_000 });
        await LiveApp.ScreenshotAsync(provider, "manage-job");

        await provider.GetByRole(AriaRole.Link, new() { Name = "检查数据项" }).ClickAsync();
        await provider.WaitForURLAsync("**/fields");
        await provider.Locator(".fields-editor").WaitForAsync();
        await LiveApp.ScreenshotAsync(provider, "manage-fields");
        await provider.GetByRole(AriaRole.Link, new() { Name = "基本信息" }).ClickAsync();
        await provider.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await provider.WaitForURLAsync("**/edit?state=published");
        Assert.Equal("已发布", await provider.Locator(".publish-bar .badge").InnerTextAsync());
        await LiveApp.ScreenshotAsync(provider, "manage-edit");

        var developer = await app.NewPageAsync();
        await SignInAsync(developer, "developer", "/datasets");
        await developer.GetByLabel("关键词").FillAsync("鱼类");
        await developer.Locator("form.list-search").GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await developer.WaitForURLAsync("**/datasets?q=*");
        var link = developer.GetByRole(AriaRole.Link, new() { Name = "瓯江流域鱼类资源调查", Exact = true });
        await link.ClickAsync();
        await developer.WaitForURLAsync("**/datasets/*");
        Assert.Contains("瓯江大港头", await developer.Locator("#preview").InnerTextAsync());

        await developer.GetByLabel("我已阅读并同意《数据下载协议》").CheckAsync();
        await developer.Locator("#download").ScrollIntoViewIfNeededAsync();
        await LiveApp.ScreenshotAsync(developer, "dataset-download-form");
        var download = await developer.RunAndWaitForDownloadAsync(() =>
            developer.Locator(".download-form").GetByRole(AriaRole.Button, new() { Name = "下载" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.Contains("瓯江大港头", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task List_and_detail_pages_render_filters_cards_and_the_graph_and_pass_axe()
    {
        var page = await app.NewPageAsync(bypassCsp: true);
        await page.GotoAsync("/datasets");
        Assert.True(await page.Locator(".dataset-card").CountAsync() >= 5);
        Assert.True(await page.Locator("aside .facet").CountAsync() >= 3);
        await LiveApp.ScreenshotAsync(page, "datasets-list");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/datasets/kongqi-zhiliang-ribao");
        await page.Locator(".graph-box canvas").WaitForAsync();
        Assert.True(await page.Locator(".graph-relations a").CountAsync() >= 3);
        await LiveApp.ScreenshotAsync(page, "dataset-detail");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/catalog?org=sthjj");
        await LiveApp.ScreenshotAsync(page, "catalog");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task A_statistics_table_upload_reports_its_unit_and_months_and_the_dataset_page_shows_opinions()
    {
        var provider = await app.NewPageAsync(1280, 900);
        await SignInAsync(provider, "provider", "/manage/datasets/new");
        await provider.GetByLabel("数据集名称").FillAsync("丽水市环保专项资金月度支出");
        await provider.GetByLabel("简介").FillAsync("市级环保专项资金按月、按区县的支出情况。");
        await provider.GetByLabel("数据领域").SelectOptionAsync(new SelectOptionValue { Label = "生态环境" });
        await provider.GetByRole(AriaRole.Button, new() { Name = "创建并上传文件" }).ClickAsync();
        await provider.WaitForURLAsync("**/upload?created=1");
        Assert.Equal("丽水市环保专项资金月度支出", await provider.GetByLabel("资源名称（新资源时填写）").InputValueAsync());
        // As statistics offices export it: a title, the unit on its own row, year-months, a source note below.
        const string csv = "丽水市环保专项资金月度支出情况\n单位：万元\n月份,区县,支出\n2025年9月,莲都区,120.5\n2025-10,青田县,88\n2025/11,缙云县,93.2\n注：数据来源于市财政局\n";
        await provider.GetByLabel("数据文件").SetInputFilesAsync(new FilePayload { Name = "hbzj_monthly_export.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await provider.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await provider.WaitForURLAsync("**/manage/jobs/*");
        await Microsoft.Playwright.Assertions.Expect(provider.Locator(".job-panel .badge")).ToHaveTextAsync("已完成", new() { Timeout = 60_000 });
        var report = await provider.Locator(".ingest-report").InnerTextAsync();
        Assert.Contains("单位“万元”", report);
        await LiveApp.ScreenshotAsync(provider, "manage-job-report");
        await provider.SetViewportSizeAsync(390, 844);
        await LiveApp.ScreenshotAsync(provider, "manage-job-report-phone");

        var page = await app.NewPageAsync(1280, 900);
        await page.GotoAsync("/datasets/kongqi-zhiliang-ribao");
        await LiveApp.ScreenshotAsync(page, "dataset-detail-with-opinions");
    }

    [Fact]
    public async Task On_a_phone_the_filters_fold_into_a_drawer()
    {
        var page = await app.NewPageAsync(390, 844);
        await page.GotoAsync("/datasets?org=sthjj");
        Assert.False(await page.Locator("aside .filter-column").IsVisibleAsync());
        var drawer = page.Locator("details.filter-drawer");
        Assert.Contains("已选 1 项", await drawer.Locator("> summary").InnerTextAsync());
        await drawer.Locator("> summary").ClickAsync();
        Assert.True(await drawer.Locator(".facet").First.IsVisibleAsync());
        await LiveApp.ScreenshotAsync(page, "datasets-list-phone");
        await page.GotoAsync("/datasets/kongqi-zhiliang-ribao");
        await LiveApp.ScreenshotAsync(page, "dataset-detail-phone");
    }

    [Fact]
    public async Task In_large_text_mode_the_list_and_detail_do_not_overflow_the_window()
    {
        var page = await app.NewPageAsync(1024, 900);
        await page.Context.AddCookiesAsync([new Cookie { Name = "odp.large", Value = "1", Url = app.BaseUrl }]);
        foreach (var url in new[] { "/datasets", "/datasets/kongqi-zhiliang-ribao", "/catalog" })
        {
            await page.GotoAsync(url);
            Assert.Equal("20px", await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).fontSize"));
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), url + " overflows");
        }
        await page.GotoAsync("/datasets");
        await LiveApp.ScreenshotAsync(page, "datasets-list-large-text");
    }
}
