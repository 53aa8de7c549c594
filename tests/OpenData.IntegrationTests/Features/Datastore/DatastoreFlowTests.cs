using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenData.IntegrationTests.Features.Datasets;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Features.Datastore.Jobs;
using static OpenData.IntegrationTests.Features.Datasets.DatasetTestKit;

namespace OpenData.IntegrationTests.Features.Datastore;

/// <summary>Upload → background job → datastore table → served version; bad files and reloads never unserve data.</summary>
public abstract partial class DatastoreFlowTests(PortalFactory factory)
{
    public const string Csv = "站点名称,区县,监测日期,浊度,人数\n城北水厂,莲都区,2026-01-05,0.3,12\n城南水厂,莲都区,2026-02-06,0.5,7\n"
        + "碧湖水厂,莲都区,2026-02-20,,3\n仙都水厂,缙云县,2026-03-01,1.2,20\n";

    public static async Task<(string Slug, int Resource)> PublishedAsync(HttpClient provider, string title, string csv = Csv, string open = "open")
    {
        var created = await provider.CreateDatasetAsync(NewDataset("sthjj", title, open));
        var job = await (await provider.UploadAsync(created.Slug, "水质.csv", csv, "水质")).ReadAsync<JobDto>();
        Assert.Equal("succeeded", job.State);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync($"/api/v1/manage/datasets/{created.Slug}/publish", null)).StatusCode);
        return (created.Slug, job.ResourceId!.Value);
    }

    [Fact]
    public async Task A_failed_new_version_keeps_the_previous_one_served_and_says_where_it_went_wrong()
    {
        var provider = await factory.ClientForAsync("provider");
        var (slug, id) = await PublishedAsync(provider, "水厂浊度监测");
        var rows = $"/api/v1/datasets/{slug}/resources/{id}/rows";
        var first = await factory.CreateClient().GetFromJsonAsync<JsonElement>(rows, Json);
        Assert.Equal(4, first.GetProperty("total").GetInt64());
        Assert.Equal(1, first.GetProperty("version").GetInt32());

        // Row 3 has an extra non-empty cell: an unquoted comma shifted the values.
        var bad = await (await provider.UploadAsync(slug, "水质-坏.csv", "站点名称,区县,监测日期,浊度,人数\n甲,莲都区,2026-01-05,0.3,1\n乙,莲都区,2026-01-06,0,5,2,多余\n", "水质")).ReadAsync<JobDto>();
        Assert.Equal("failed", bad.State);
        Assert.Contains("第 3 行", bad.Error);
        var still = await factory.CreateClient().GetFromJsonAsync<JsonElement>(rows, Json);
        Assert.Equal((1, 4L), (still.GetProperty("version").GetInt32(), still.GetProperty("total").GetInt64()));
        var detail = await provider.GetFromJsonAsync<DatasetDetailDto>($"/api/v1/datasets/{slug}", Json);
        Assert.Equal(1, detail!.Resources[0].CurrentVersion);
        Assert.Equal(2, detail.Resources[0].Versions.Count); // nothing lost: the bad file is kept as version 2

        var good = await (await provider.UploadAsync(slug, "水质-新.csv", Csv + "大港头,莲都区,2026-03-09,0.8,4\n", "水质")).ReadAsync<JobDto>();
        Assert.Equal(("succeeded", 5L, 3), (good.State, good.Rows, good.VersionNumber));
        var now = await factory.CreateClient().GetFromJsonAsync<JsonElement>(rows, Json);
        Assert.Equal((3, 5L), (now.GetProperty("version").GetInt32(), now.GetProperty("total").GetInt64()));
        // The earlier version stays readable from its own table.
        var old = await factory.CreateClient().GetFromJsonAsync<JsonElement>(rows + "?version=1", Json);
        Assert.Equal(4, old.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Rows_are_paged_sorted_and_filtered_on_the_server_and_a_bad_filter_is_a_problem()
    {
        var provider = await factory.ClientForAsync("provider");
        var (slug, id) = await PublishedAsync(provider, "水厂浊度排序");
        var anon = factory.CreateClient();
        var url = $"/api/v1/datasets/{slug}/resources/{id}/rows";
        var sorted = await anon.GetFromJsonAsync<JsonElement>(url + "?sort=" + Q("人数:desc") + "&pageSize=2&page=1", Json);
        Assert.Equal(["仙都水厂", "城北水厂"], sorted.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("站点名称").GetString()));
        Assert.Equal(20, sorted.GetProperty("items")[0].GetProperty("人数").GetInt64());
        var second = await anon.GetFromJsonAsync<JsonElement>(url + "?pageSize=3&page=2", Json); // unfiltered pages seek on _id
        Assert.Equal(["仙都水厂"], second.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("站点名称").GetString()));
        Assert.Equal(4, second.GetProperty("total").GetInt64());
        var filtered = await anon.GetFromJsonAsync<JsonElement>(url + $"?{Q("区县")}={Q("莲都区")}&{Q("浊度__gte")}=0.4", Json);
        Assert.Equal(1, filtered.GetProperty("total").GetInt64());
        Assert.Equal("date", filtered.GetProperty("fields")[2].GetProperty("type").GetString());

        var bad = await anon.GetAsync(url + $"?{Q("不存在的字段")}=1");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.ReadAsync<JsonElement>();
        Assert.Equal("invalid-query", problem.GetProperty("code").GetString());
        Assert.Contains("不存在的字段", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Profile_and_aggregation_answer_from_the_whole_table()
    {
        var provider = await factory.ClientForAsync("provider");
        var (slug, id) = await PublishedAsync(provider, "水厂浊度统计");
        var anon = factory.CreateClient();
        var baseUrl = $"/api/v1/datasets/{slug}/resources/{id}";
        var profile = await anon.GetFromJsonAsync<JsonElement>(baseUrl + "/profile", Json);
        var turbidity = profile.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "浊度");
        Assert.Equal(("decimal", 1L, 3L), (turbidity.GetProperty("type").GetString(), turbidity.GetProperty("emptyCount").GetInt64(), turbidity.GetProperty("distinctCount").GetInt64()));
        Assert.Equal(1.2m, turbidity.GetProperty("max").GetDecimal());

        var sum = await anon.GetFromJsonAsync<JsonElement>(baseUrl + $"/aggregate?groupBy={Q("区县")}&measure=sum&column={Q("人数")}", Json);
        var items = sum.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("value").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["莲都区"] = 22, ["缙云县"] = 20 }, items);
        var months = await anon.GetFromJsonAsync<JsonElement>(baseUrl + $"/aggregate?groupBy={Q("监测日期")}&bucket=month&{Q("区县")}={Q("莲都区")}", Json);
        Assert.Equal(["2026-01", "2026-02"], months.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()));
        Assert.Equal(2, months.GetProperty("items")[1].GetProperty("value").GetInt64());

        var bad = await anon.GetAsync(baseUrl + $"/aggregate?groupBy={Q("区县")}&measure=sum&column={Q("站点名称")}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("不能求和", (await bad.ReadAsync<JsonElement>()).GetProperty("detail").GetString());
        var csv = await anon.GetByteArrayAsync(baseUrl + $"/aggregate.csv?groupBy={Q("区县")}");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Contains("缙云县", System.Text.Encoding.UTF8.GetString(csv));
    }

    [Fact]
    public async Task Restricted_rows_need_a_grant()
    {
        var provider = await factory.ClientForAsync("provider");
        var (slug, id) = await PublishedAsync(provider, "水厂浊度受限", open: "restricted");
        var url = $"/api/v1/datasets/{slug}/resources/{id}/rows";
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync("developer")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_type_change_in_the_field_dictionary_reloads_the_table()
    {
        var provider = await factory.ClientForAsync("provider");
        var (slug, id) = await PublishedAsync(provider, "水厂人数类型");
        var fields = (await provider.GetFromJsonAsync<DatasetDetailDto>($"/api/v1/datasets/{slug}", Json))!.Fields
            .Select(f => new { f.Name, Type = f.Name == "人数" ? "text" : f.Type, f.Description, f.Unit, f.Example }).ToList();
        Assert.Equal(HttpStatusCode.OK, (await provider.PutAsJsonAsync($"/api/v1/manage/datasets/{slug}/fields", fields)).StatusCode);
        var job = await LatestJobAsync(slug);
        var done = await provider.WaitForJobAsync($"/api/v1/manage/jobs/{job}");
        Assert.Equal("succeeded", done.State);
        var rows = await provider.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{slug}/resources/{id}/rows?sort={Q("人数")}", Json);
        Assert.Equal("text", rows.GetProperty("fields")[4].GetProperty("type").GetString());
        Assert.Equal("12", rows.GetProperty("items")[0].GetProperty("人数").GetString()); // text order: "12" < "20" < "3"
    }

    [Fact]
    public async Task An_interrupted_job_is_taken_over_and_run_again_from_the_file()
    {
        var provider = await factory.ClientForAsync("provider");
        var (slug, id) = await PublishedAsync(provider, "水厂中断恢复");
        var jobId = await LatestJobAsync(slug);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var stale = DateTimeOffset.UtcNow.AddHours(-1);
            await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running)
                .SetProperty(j => j.HeartbeatAt, stale).SetProperty(j => j.ClaimedBy, "dead-node/1"));
        }
        var worker = factory.Services.GetServices<IHostedService>().OfType<IngestionWorker>().Single();
        await worker.RecoverAsync(CancellationToken.None);
        var done = await provider.WaitForJobAsync($"/api/v1/manage/jobs/{jobId}");
        Assert.Equal(("succeeded", 4L), (done.State, done.Rows));
        await using var check = factory.Services.CreateAsyncScope();
        Assert.Equal(2, await check.ServiceProvider.GetRequiredService<PortalDbContext>().Jobs.Where(j => j.Id == jobId).Select(j => j.Attempts).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/api/v1/datasets/{slug}/resources/{id}/rows")).StatusCode);
    }

    private async Task<long> LatestJobAsync(string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var datasetId = await db.Datasets.Where(d => d.Slug == slug).Select(d => d.Id).SingleAsync();
        return await db.Jobs.Where(j => j.DatasetId == datasetId).OrderByDescending(j => j.Id).Select(j => j.Id).FirstAsync();
    }
}

public sealed class DatastoreFlowTestsSqlite(SqlitePortalFactory f) : DatastoreFlowTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class DatastoreFlowTestsPostgres(PostgresPortalFactory f) : DatastoreFlowTests(f), IClassFixture<PostgresPortalFactory>;
