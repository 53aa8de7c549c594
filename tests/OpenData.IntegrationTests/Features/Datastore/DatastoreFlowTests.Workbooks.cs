using System.Net.Http.Json;
using System.Text.Json;
using OpenData.Web.Features.Datasets;
using static OpenData.IntegrationTests.Features.Datasets.DatasetTestKit;

namespace OpenData.IntegrationTests.Features.Datastore;

/// <summary>What real statistics workbooks carry: several sheets, a unit in the title row, year-month columns.</summary>
public abstract partial class DatastoreFlowTests
{
    private static object?[][] Finance(string year, int months, decimal start) =>
    [
        [$"{year}年丽水市一般公共预算收支情况"],
        ["单位：亿元"],
        ["月份", "区县", "收入", "支出"],
        .. Enumerable.Range(1, months).Select(m => new object?[] { m % 2 == 0 ? $"{year}-{m:D2}" : $"{year}年{m}月", "莲都区", start + m, start * 2 + m }),
        ["注：数据来源于丽水市财政局"],
    ];

    [Fact]
    public async Task Each_non_empty_sheet_of_a_workbook_becomes_its_own_resource_and_the_report_names_the_sheets()
    {
        var provider = await factory.ClientForAsync("provider");
        var created = await provider.CreateDatasetAsync(NewDataset("sthjj", "丽水市财政收支月报"));
        var xlsx = WorkbookFixture.Build(("2023年", Finance("2023", 12, 10.5m)), ("2024年", Finance("2024", 9, 11m)), ("Sheet3", []));
        var first = await (await provider.UploadAsync(created.Slug, "czsz_2023_2024.xlsx", xlsx)).ReadAsync<JobDto>();
        Assert.Equal("succeeded", first.State);
        Assert.Equal(("丽水市财政收支月报（2023年）", "2023年", 12L), (first.ResourceName, first.Sheet, first.Rows));
        var other = Assert.Single(first.OtherSheets!);
        Assert.Equal(("丽水市财政收支月报（2024年）", "2024年"), (other.Resource, other.Sheet));
        var second = await provider.WaitForJobAsync($"/api/v1/manage/jobs/{other.JobId}");
        Assert.Equal(("succeeded", 9L), (second.State, second.Rows));
        // The report says which sheets were loaded and that the empty one was skipped, and where the unit came from.
        Assert.Contains(first.Report!, l => l.Contains("“2023年”、“2024年”") && l.Contains("“Sheet3” 是空的，已跳过"));
        Assert.Contains(first.Report!, l => l.Contains("单位“亿元”"));

        var detail = await provider.GetFromJsonAsync<DatasetDetailDto>($"/api/v1/datasets/{created.Slug}", Json);
        Assert.Equal(["丽水市财政收支月报（2023年）", "丽水市财政收支月报（2024年）"], detail!.Resources.Select(r => r.Name).Order());
        var fields = detail.Fields.ToDictionary(f => f.Name);
        Assert.Equal(("亿元", "亿元", "", ""), (fields["收入"].Unit, fields["支出"].Unit, fields["区县"].Unit, fields["月份"].Unit));
        Assert.Equal("month", fields["月份"].Type);

        // Uploading the workbook again updates the same two resources (by name) instead of adding more.
        var again = await (await provider.UploadAsync(created.Slug, "czsz_2023_2024.xlsx", xlsx)).ReadAsync<JobDto>();
        Assert.Equal(2, again.VersionNumber);
        await provider.WaitForJobAsync($"/api/v1/manage/jobs/{again.OtherSheets![0].JobId}");
        detail = await provider.GetFromJsonAsync<DatasetDetailDto>($"/api/v1/datasets/{created.Slug}", Json);
        Assert.Equal(2, detail!.Resources.Count);
        Assert.All(detail.Resources, r => Assert.Equal(2, r.CurrentVersion));
    }

    [Fact]
    public async Task Year_month_columns_are_months_that_sort_and_group_in_time_order()
    {
        var provider = await factory.ClientForAsync("provider");
        // Mixed spellings as exported by different systems; the text order of the raw values is not the time order.
        var csv = "统计月份,区县,客流量（人次）\n2013年12月,莲都区,1200\n2014-01,莲都区,900\n2014/2,青田县,300\n2013-12,青田县,400\n2014年10月,莲都区,50\n";
        var (slug, id) = await PublishedAsync(provider, "景区客流月度统计", csv);
        var anon = factory.CreateClient();
        var rows = await anon.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{slug}/resources/{id}/rows?sort={Q("统计月份")}", Json);
        Assert.Equal("month", rows.GetProperty("fields")[0].GetProperty("type").GetString());
        Assert.Equal(["2013-12", "2013-12", "2014-01", "2014-02", "2014-10"],
            rows.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("统计月份").GetString()));
        var agg = await anon.GetFromJsonAsync<JsonElement>(
            $"/api/v1/datasets/{slug}/resources/{id}/aggregate?groupBy={Q("统计月份")}&measure=sum&column={Q("客流量（人次）")}", Json);
        Assert.Equal([("2013-12", 1600L), ("2014-01", 900L), ("2014-02", 300L), ("2014-10", 50L)],
            agg.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("key").GetString(), r.GetProperty("value").GetInt64())));
        var years = await anon.GetFromJsonAsync<JsonElement>(
            $"/api/v1/datasets/{slug}/resources/{id}/aggregate?groupBy={Q("统计月份")}&bucket=year", Json);
        Assert.Equal([("2013", 2L), ("2014", 3L)],
            years.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("key").GetString(), r.GetProperty("value").GetInt64())));
    }

    [Fact]
    public async Task A_resource_is_named_after_the_dataset_not_the_uploaded_file_unless_the_provider_names_it()
    {
        var provider = await factory.ClientForAsync("provider");
        var created = await provider.CreateDatasetAsync(NewDataset("sthjj", "丽水市空气质量监测站点"));
        var job = await (await provider.UploadAsync(created.Slug, "cnemc_air_monitoring_sites_gbk.csv", Csv)).ReadAsync<JobDto>();
        Assert.Equal("丽水市空气质量监测站点", job.ResourceName);
        var named = await (await provider.UploadAsync(created.Slug, "cnemc_sites_2.csv", Csv, "监测站点补充名单")).ReadAsync<JobDto>();
        Assert.Equal("监测站点补充名单", named.ResourceName);
        var form = await provider.GetStringAsync($"/manage/datasets/{created.Slug}/upload");
        Assert.Contains("value=\"丽水市空气质量监测站点\"", form);
    }
}
