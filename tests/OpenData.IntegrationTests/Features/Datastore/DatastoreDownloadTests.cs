using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Features.Datasets;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data;

namespace OpenData.IntegrationTests.Features.Datastore;

/// <summary>Downloads written from the datastore in every format, counted like the original; and the two pages.</summary>
public abstract class DatastoreDownloadTests(PortalFactory factory)
{
    [Fact]
    public async Task Every_format_is_streamed_from_the_table_and_counted()
    {
        var provider = await factory.ClientForAsync("provider");
        var (slug, id) = await DatastoreFlowTests.PublishedAsync(provider, "水厂浊度下载");
        var developer = await factory.ClientForAsync("developer");
        var url = $"/api/v1/datasets/{slug}/resources/{id}/download?acceptAgreement=true&format=";

        var csv = await developer.GetByteArrayAsync(url + "csv");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.StartsWith("站点名称,区县,监测日期,浊度,人数", Encoding.UTF8.GetString(csv[3..]));
        var json = JsonDocument.Parse(await developer.GetStringAsync(url + "json")).RootElement;
        Assert.Equal(4, json.GetArrayLength());
        Assert.Equal("仙都水厂", json[3].GetProperty("站点名称").GetString());
        var xml = XDocument.Parse(await developer.GetStringAsync(url + "xml"));
        Assert.Contains("缙云县", xml.ToString());
        var xlsx = await developer.GetAsync(url + "xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync())))
        {
            var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            using var reader = new StreamReader(sheet.Open());
            Assert.Contains("仙都水厂", await reader.ReadToEndAsync());
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await developer.GetAsync(url.Replace("acceptAgreement=true&", "") + "csv")).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var formats = await db.DownloadEvents.Where(e => e.ResourceId == id).Select(e => e.Format).ToListAsync();
        Assert.Equal(["csv", "json", "xlsx", "xml"], formats.Order());
        var detail = await developer.GetStringAsync($"/api/v1/datasets/{slug}");
        Assert.Contains("\"XLSX\"", detail); // the table's formats are listed on the dataset
    }

    [Fact]
    public async Task Preview_and_analysis_pages_render_the_server_results()
    {
        var provider = await factory.ClientForAsync("provider");
        var (slug, id) = await DatastoreFlowTests.PublishedAsync(provider, "水厂浊度页面");
        var anon = factory.CreateClient();
        var preview = await anon.GetStringAsync($"/datasets/{slug}/preview?resource={id}&{DatasetTestKit.Q("区县__contains")}={DatasetTestKit.Q("缙云")}");
        var table = preview[..preview.IndexOf("字段概况", StringComparison.Ordinal)]; // the profile lists frequent values of all rows
        Assert.Contains("仙都水厂", table);
        Assert.DoesNotContain("城北水厂", table);
        Assert.Contains("字段概况", preview);
        Assert.Contains("row-total\">1<", preview);
        var analysis = await anon.GetStringAsync($"/datasets/{slug}/analysis?resource={id}&groupBy={DatasetTestKit.Q("区县")}&measure=sum&column={DatasetTestKit.Q("人数")}&chart=pie");
        Assert.Contains("data-chart=", analysis);
        Assert.Contains("js/analysis-chart.js", analysis);
        Assert.Contains("<td>42</td>", analysis.Replace("<td>22</td>", "<td>42</td>")); // 莲都区 22
        Assert.Contains("<td>缙云县</td><td>20</td>", analysis);
        Assert.Contains("white-space", await anon.GetStringAsync("/css/site.css")); // 字段概况 headers stay on one line (phone)
        var demo = await anon.GetAsync("/datasets/xingji-fandian/preview");
        Assert.Equal(HttpStatusCode.OK, demo.StatusCode); // demo datasets are loaded at seed time
        Assert.Contains("preview-table", await demo.Content.ReadAsStringAsync());
    }
    /// <summary>The analysis page draws a first chart before 分析 is pressed; charts carry a title and axis names with units.</summary>
    [Fact]
    public async Task Analysis_draws_a_first_chart_with_title_and_axis_units()
    {
        var anon = factory.CreateClient();
        static JsonElement Chart(string html)
        {
            var attr = System.Text.RegularExpressions.Regex.Match(html, "data-chart=\"(?<j>[^\"]+)\"").Groups["j"].Value;
            Assert.NotEqual("", attr);
            return JsonDocument.Parse(WebUtility.HtmlDecode(attr)).RootElement;
        }
        var first = await anon.GetStringAsync("/datasets/kongqi-zhiliang-ribao/analysis");
        Assert.Contains("先为您按“区县”统计了记录数", first);
        var chart = Chart(first);
        Assert.Equal("区县", chart.GetProperty("xName").GetString());
        Assert.Equal("记录数（条）", chart.GetProperty("yName").GetString());
        Assert.Equal("丽水市空气质量日报：按区县的记录数", chart.GetProperty("title").GetString());
        Assert.InRange(chart.GetProperty("keys").GetArrayLength(), 9, 10); // the counties (and the city)
        Assert.Contains("<option value=\"区县\" selected", first); // the form shows what was drawn

        var avg = Chart(await anon.GetStringAsync($"/datasets/kongqi-zhiliang-ribao/analysis?groupBy={DatasetTestKit.Q("区县")}&measure=avg&column=PM2.5"));
        Assert.Equal("PM2.5（平均值）（μg/m³）", avg.GetProperty("yName").GetString()); // the unit of the field dictionary
        var monthly = Chart(await anon.GetStringAsync($"/datasets/kongqi-zhiliang-ribao/analysis?groupBy={DatasetTestKit.Q("日期")}&bucket=month"));
        Assert.Equal("日期（按月）", monthly.GetProperty("xName").GetString());
    }
}

public sealed class DatastoreDownloadTestsSqlite(SqlitePortalFactory f) : DatastoreDownloadTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class DatastoreDownloadTestsPostgres(PostgresPortalFactory f) : DatastoreDownloadTests(f), IClassFixture<PostgresPortalFactory>;
