using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenData.EndToEndTests.Infrastructure;
using OpenData.Web.Data;

namespace OpenData.EndToEndTests.Features.Security;

/// <summary>
/// Provider text in the 数据图谱 tooltip is escaped by the page script itself: the CSP is bypassed here, so
/// if the markup reached the tooltip as HTML the image element would exist and its handler would run.
/// </summary>
[Collection("live")]
public sealed class ChartEscapingTests(LiveApp app)
{
    private const string Slug = "gongjiao-xianlu";
    private const string Markup = "<img src=x data-xss=1 onerror=\"window.__xss=1\">标签";

    [Fact]
    public async Task Hovering_a_graph_node_with_markup_in_its_name_shows_the_text_and_creates_no_element()
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var d = await db.Datasets.SingleAsync(x => x.Slug == Slug);
            if (!d.Tags.Contains(Markup)) d.Tags = string.Join(',', d.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries).Append(Markup));
            await db.SaveChangesAsync();
        }
        var page = await app.NewPageAsync(bypassCsp: true);
        await page.GotoAsync("/datasets/" + Slug);
        var box = page.Locator(".graph-box");
        await box.Locator("canvas").WaitForAsync();
        await box.ScrollIntoViewIfNeededAsync();
        // Let the force layout settle, then find where ECharts drew the tag node and move the mouse onto it.
        await page.WaitForTimeoutAsync(2500);
        var at = await page.EvaluateAsync<double[]>("""
            (name) => {
              const chart = echarts.getInstanceByDom(document.querySelector('.graph-box'));
              const data = chart.getModel().getSeriesByIndex(0).getData();
              let index = -1;
              for (let i = 0; i < data.count(); i++) if (data.getName(i) === name) index = i;
              const xy = chart.convertToPixel({ seriesIndex: 0 }, data.getItemLayout(index));
              return [xy[0], xy[1]];
            }
            """, Markup);
        var rect = (await box.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync((float)(rect.X + at[0]), (float)(rect.Y + at[1]));
        // The tooltip shows the tag's trailing text either way; only escaping keeps the markup as text.
        var tooltip = box.Locator("div").Filter(new() { HasText = "标签" }).Last;
        await tooltip.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(0, await page.Locator("img[data-xss]").CountAsync());
        Assert.Contains("<img src=x", await tooltip.InnerTextAsync());
        await LiveApp.ScreenshotAsync(page, "dataset-graph-tooltip-escaped");
        Assert.False(await page.EvaluateAsync<bool>("window.__xss === 1"));
    }
}
