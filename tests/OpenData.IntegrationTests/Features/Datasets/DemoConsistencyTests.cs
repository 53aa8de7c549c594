using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using System.Text.Json;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Features.Datasets.Demo;
using static OpenData.IntegrationTests.Features.Datasets.DatasetTestKit;

namespace OpenData.IntegrationTests.Features.Datasets;

/// <summary>The demo catalog must not contradict itself: a visitor who checks the flagship dataset finds it coherent.</summary>
public abstract class DemoConsistencyTests(PortalFactory factory)
{
    [Fact]
    public async Task Every_air_quality_row_has_the_grade_and_primary_pollutant_its_aqi_implies()
    {
        var client = factory.CreateClient();
        var d = await client.GetFromJsonAsync<DatasetDetailDto>("/api/v1/datasets/kongqi-zhiliang-ribao", Json);
        var checkedRows = 0;
        for (var page = 1; ; page++)
        {
            var rows = await client.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/kongqi-zhiliang-ribao/resources/{d!.Resources[0].Id}/rows?page={page}&pageSize=100");
            var items = rows.GetProperty("items").EnumerateArray().ToList();
            foreach (var row in items)
            {
                var aqi = row.GetProperty("AQI").GetInt32();
                Assert.Equal(AirQuality.Grade(aqi), row.GetProperty("空气质量等级").GetString());
                Assert.Equal(aqi <= 50, row.GetProperty("首要污染物").GetString() == "—");
                checkedRows++;
            }
            if (items.Count < 100) break;
        }
        Assert.True(checkedRows >= 1000, $"only {checkedRows} rows read");
    }

    [Fact]
    public async Task The_demo_has_every_kind_of_participation_and_api_use_so_no_list_is_empty()
    {
        var anon = factory.CreateClient();
        var requests = await anon.GetStringAsync("/interact/requests");
        Assert.All(["待处理", "已受理", "已开放", "暂不开放", "申请开放全市农贸市场名录及位置"], s => Assert.Contains(s, requests));
        Assert.Contains("感谢建议，数据目录已支持", await anon.GetStringAsync("/interact/feedback"));
        Assert.Contains("用户满意度调查（示例）", await anon.GetStringAsync("/interact"));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // Ratings and answered comments on many datasets and on APIs; the list figures agree with the ratings.
        Assert.True(await db.Ratings.Where(r => r.ItemKind == "dataset").Select(r => r.ItemKey).Distinct().CountAsync() >= 20);
        Assert.True(await db.Ratings.AnyAsync(r => r.ItemKind == "api"));
        Assert.False(await db.Ratings.AnyAsync(r => r.Stars < 1 || r.Stars > 5));
        var average = await db.Ratings.Where(r => r.ItemKind == "dataset").AverageAsync(r => (double)r.Stars);
        Assert.InRange(average, 3.5, 4.8); // a believable portal: mostly good opinions, a few lukewarm
        Assert.True(await db.Comments.CountAsync(c => c.Reply != null && c.ReplyDepartment != null) >= 10);
        Assert.True(await db.Comments.AnyAsync(c => c.ItemKind == "api"));
        var rated = await db.Datasets.Where(d => d.RatingCount > 0).Select(d => d.Slug).FirstAsync();
        var detail = await anon.GetFromJsonAsync<DatasetDetailDto>($"/api/v1/datasets/{rated}", Json);
        Assert.Equal(await db.Ratings.CountAsync(r => r.ItemKind == "dataset" && r.ItemKey == rated), detail!.Stats.RatingCount);
        Assert.Equal(4, await db.ErrorReports.Where(e => e.Reply != null || e.Status == ErrorReportStatus.Pending).Select(e => e.Status).Distinct().CountAsync());
        Assert.True(await db.SurveyResponses.CountAsync() >= 5);

        // The demo developer's app, its applications in every state, and calls on most of the last four weeks.
        var developer = await factory.ClientForAsync("developer");
        Assert.Contains("丽水出行助手（示例应用）", await developer.GetStringAsync("/me/apps"));
        Assert.Equal(3, await db.ApiApplications.Select(a => a.Status).Distinct().CountAsync());
        var since = DateTimeOffset.UtcNow.AddDays(-28);
        var days = (await db.ApiCallLogs.Where(c => c.At >= since).Select(c => c.At).ToListAsync()).Select(t => t.UtcDateTime.Date).Distinct().Count();
        Assert.True(days >= 20, $"calls on {days} days");
        Assert.Equal(await db.ApiCallLogs.LongCountAsync(), await db.ApiProfiles.SumAsync(p => p.CallCount));

        // The provider's queues are not empty either.
        var provider = await factory.ClientForAsync("provider");
        var workbench = await provider.GetStringAsync("/interact/workbench");
        Assert.Contains("处理中", workbench);
    }

    [Theory]
    [InlineData(50, "优")]
    [InlineData(51, "良")]
    [InlineData(100, "良")]
    [InlineData(101, "轻度污染")]
    [InlineData(201, "重度污染")]
    [InlineData(301, "严重污染")]
    public void Bands_follow_hj_633(int aqi, string grade) => Assert.Equal(grade, AirQuality.Grade(aqi));
}

public sealed class DemoConsistencyTestsSqlite(SqlitePortalFactory f) : DemoConsistencyTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class DemoConsistencyTestsPostgres(PostgresPortalFactory f) : DemoConsistencyTests(f), IClassFixture<PostgresPortalFactory>;
