using System.Net.Http.Json;
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
