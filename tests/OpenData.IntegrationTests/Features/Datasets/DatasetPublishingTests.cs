using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Features.Datasets;
using static OpenData.IntegrationTests.Features.Datasets.DatasetTestKit;

namespace OpenData.IntegrationTests.Features.Datasets;

/// <summary>The management API: create, edit, upload versions, jobs, publish, and who may do it.</summary>
public abstract class DatasetPublishingTests(PortalFactory factory)
{
    private const string Csv = "站点名称,区县,经度,纬度,浊度\n城北水厂,莲都区,119.92,28.45,0.3\n城南水厂,莲都区,119.91,28.43,0.5\n";

    [Fact]
    public async Task Provider_creates_uploads_versions_publishes_and_the_public_sees_it()
    {
        var provider = await factory.ClientForAsync("provider");
        var created = await provider.CreateDatasetAsync(NewDataset("sthjj", "莲都区饮用水源地水质"));
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/datasets/{created.Slug}")).StatusCode);

        var first = await provider.UploadAsync(created.Slug, "水源地.csv", "\uFEFF" + Csv, "水源地水质");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var job = await first.ReadAsync<JobDto>();
        Assert.Equal("succeeded", job.State);
        Assert.Equal(2, job.Rows);
        Assert.Equal(1, job.VersionNumber);
        var status = await provider.GetFromJsonAsync<JobDto>(first.Headers.Location!.ToString(), Json);
        Assert.Equal(job.Id, status!.Id);
        Assert.Equal("succeeded", status.State);

        var second = await provider.UploadAsync(created.Slug, "水源地-11月.csv", Csv + "碧湖水厂,莲都区,119.80,28.33,0.2\n", "水源地水质");
        Assert.Equal(2, (await second.ReadAsync<JobDto>()).VersionNumber);
        var facetsBefore = await SthjjCountAsync(anonymous);
        var publish = await provider.PostAsync($"/api/v1/manage/datasets/{created.Slug}/publish", null);
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        Assert.Equal((facetsBefore.Total + 1, facetsBefore.Org + 1), await SthjjCountAsync(anonymous)); // live counts

        var detail = await anonymous.GetFromJsonAsync<DatasetDetailDto>($"/api/v1/datasets/{created.Slug}", Json);
        var resource = Assert.Single(detail!.Resources);
        Assert.Equal(2, resource.CurrentVersion);
        Assert.Equal(3, resource.RowCount);
        Assert.Equal([2, 1], resource.Versions.Select(v => v.Number));
        Assert.Equal(["站点名称", "区县", "经度", "纬度", "浊度"], detail.Fields.Select(f => f.Name));
        Assert.Equal("decimal", detail.Fields.Single(f => f.Name == "经度").Type);
        Assert.Equal(3 * 5, detail.Capacity);
        Assert.Equal("城北水厂", detail.Sample!.Rows[0][0]);

        // Both versions stay downloadable (历史数据), each with its own content.
        var v1 = await provider.GetStringAsync($"/api/v1/datasets/{created.Slug}/resources/{resource.Id}/download?version=1&acceptAgreement=true");
        var v2 = await provider.GetStringAsync($"/api/v1/datasets/{created.Slug}/resources/{resource.Id}/download?version=2&acceptAgreement=true");
        Assert.DoesNotContain("碧湖水厂", v1);
        Assert.Contains("碧湖水厂", v2);

        // The search index changed in the same transaction as the catalog.
        var found = await anonymous.SearchAsync("q=" + Q("饮用水源地"));
        Assert.Contains(found.Items, i => i.Slug == created.Slug);
        Assert.Contains((await anonymous.SearchAsync("q=" + Q("浊度"))).Items, i => i.Slug == created.Slug);

        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync($"/api/v1/manage/datasets/{created.Slug}/unpublish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/datasets/{created.Slug}")).StatusCode);
        Assert.DoesNotContain((await anonymous.SearchAsync("q=" + Q("饮用水源地"))).Items, i => i.Slug == created.Slug);
        Assert.Equal(facetsBefore, await SthjjCountAsync(anonymous));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == DatasetAuditActions.Published && a.Target == "dataset:" + created.Slug));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == DatasetAuditActions.Unpublished && a.Target == "dataset:" + created.Slug));
    }

    [Fact]
    public async Task A_dataset_whose_only_table_failed_to_load_cannot_be_published_and_offers_no_api()
    {
        var provider = await factory.ClientForAsync("provider");
        var created = await provider.CreateDatasetAsync(NewDataset("sthjj", "导入失败的数据集"));
        var upload = await provider.UploadAsync(created.Slug, "坏文件.csv", "名称,数量\n甲,1,多余,内容\n", "坏文件");
        Assert.Equal("failed", (await upload.ReadAsync<JobDto>()).State);

        var publish = await provider.PostAsync($"/api/v1/manage/datasets/{created.Slug}/publish", null);
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Contains("尚未成功入库", await publish.Content.ReadAsStringAsync());

        // Published anyway (as before this rule), the failed resource still gets no API.
        await WithDbAsync(db => db.Datasets.Where(d => d.Slug == created.Slug).ExecuteUpdateAsync(x => x.SetProperty(d => d.IsPublished, true)));
        var apis = await factory.CreateClient().GetStringAsync("/api/v1/apis?q=" + Q("导入失败的数据集"));
        Assert.DoesNotContain("导入失败的数据集", apis);

        var good = await provider.UploadAsync(created.Slug, "好文件.csv", Csv, "水源地水质");
        Assert.Equal("succeeded", (await good.ReadAsync<JobDto>()).State);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync($"/api/v1/manage/datasets/{created.Slug}/publish", null)).StatusCode);
    }

    private async Task WithDbAsync(Func<PortalDbContext, Task> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    [Fact]
    public async Task Json_arrays_are_sampled_and_documents_are_kept_as_plain_files()
    {
        var provider = await factory.ClientForAsync("provider");
        var created = await provider.CreateDatasetAsync(NewDataset("sthjj", "排污许可证发放情况"));
        var json = await provider.UploadAsync(created.Slug, "许可证.json", """[{"单位":"丽水某化工有限公司","许可证编号":"91331100-001","有效期至":"2028-12-31"},{"单位":"缙云某电镀厂","许可证编号":"91331122-002","有效期至":"2027-06-30"}]""");
        var job = await json.ReadAsync<JobDto>();
        Assert.Equal(("succeeded", 2L), (job.State, job.Rows));
        var pdf = await provider.UploadAsync(created.Slug, "说明.pdf", "%PDF-1.4 demo", "数据说明");
        Assert.Equal(HttpStatusCode.Accepted, pdf.StatusCode);
        Assert.Null((await pdf.ReadAsync<JobDto>()).Rows);
        var detail = await provider.GetFromJsonAsync<DatasetDetailDto>($"/api/v1/datasets/{created.Slug}", Json);
        Assert.Equal(["CSV", "JSON", "PDF", "XLSX", "XML"], detail!.Formats); // the loaded table adds CSV/XLSX/XML downloads
        Assert.Equal(["单位", "许可证编号", "有效期至"], detail.Fields.Select(f => f.Name));
        Assert.Equal("date", detail.Fields[2].Type);
        Assert.Equal(2 * 3, detail.Capacity); // only the tabular resource counts
    }

    [Fact]
    public async Task Edit_changes_metadata_and_the_field_dictionary()
    {
        var provider = await factory.ClientForAsync("provider");
        var created = await provider.CreateDatasetAsync(NewDataset("sthjj", "噪声投诉统计"));
        var res = await provider.PutAsJsonAsync($"/api/v1/manage/datasets/{created.Slug}", new
        {
            title = "噪声污染投诉统计", updateFrequency = "每季度",
            fields = new[] { new { name = "投诉数量", type = "integer", description = "当月受理的投诉", unit = "件", example = "12" } },
        });
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var detail = await provider.GetFromJsonAsync<DatasetDetailDto>($"/api/v1/datasets/{created.Slug}", Json);
        Assert.Equal("噪声污染投诉统计", detail!.Title);
        Assert.Equal("quarterly", detail.UpdateFrequency);
        Assert.Equal("每季度", detail.UpdateFrequencyLabel);
        Assert.Equal("sthjj", detail.Organization);
        var field = Assert.Single(detail.Fields);
        Assert.Equal(("投诉数量", "integer", "件"), (field.Name, field.Type, field.Unit));
        Assert.True(detail.CanManage);
    }

    [Fact]
    public async Task A_provider_cannot_touch_another_departments_datasets()
    {
        var education = await factory.ClientForAsync("provider-jyj", providerOf: "jyj");
        var created = await (await factory.ClientForAsync("provider")).CreateDatasetAsync(NewDataset("sthjj", "生态环境局内部草稿"));
        Assert.Equal(HttpStatusCode.Forbidden, (await education.PostAsJsonAsync("/api/v1/manage/datasets", NewDataset("sthjj", "越权创建"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await education.PutAsJsonAsync($"/api/v1/manage/datasets/{created.Slug}", new { title = "改名" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await education.UploadAsync(created.Slug, "a.csv", Csv)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await education.PostAsync($"/api/v1/manage/datasets/{created.Slug}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await education.PostAsync("/api/v1/manage/datasets/kongqi-zhiliang-ribao/unpublish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await education.GetAsync($"/api/v1/datasets/{created.Slug}")).StatusCode);
        // Moving an own dataset to a foreign department is refused too.
        var mine = await education.CreateDatasetAsync(NewDataset("jyj", "教育局数据集"));
        Assert.Equal(HttpStatusCode.Forbidden, (await education.PutAsJsonAsync($"/api/v1/manage/datasets/{mine.Slug}", new { organization = "sthjj" })).StatusCode);
        // A registered user is not a provider at all; the admin may act on every department.
        var developer = await factory.ClientForAsync("developer");
        Assert.Equal(HttpStatusCode.Forbidden, (await developer.PostAsJsonAsync("/api/v1/manage/datasets", NewDataset("sthjj", "开发者创建"))).StatusCode);
        var admin = await factory.ClientForAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/manage/datasets/{created.Slug}", new { summary = "管理员修改" })).StatusCode);
        var title = (await (await factory.ClientForAsync("provider")).GetFromJsonAsync<DatasetDetailDto>($"/api/v1/datasets/{created.Slug}", Json))!.Title;
        Assert.Equal("生态环境局内部草稿", title);
    }

    [Fact]
    public async Task Bad_input_gets_chinese_field_errors_and_saves_nothing()
    {
        var provider = await factory.ClientForAsync("provider");
        var before = await CountAsync();
        var res = await provider.PostAsJsonAsync("/api/v1/manage/datasets", new { summary = "缺少名称和机构", domain = 999 });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        var errors = (await res.ReadAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("请填写数据集名称", errors.GetProperty("title")[0].GetString());
        Assert.Equal("请选择提供机构", errors.GetProperty("organization")[0].GetString());
        Assert.Contains("数据领域不存在", errors.GetProperty("domain")[0].GetString());
        Assert.Equal(before, await CountAsync());

        var created = await provider.CreateDatasetAsync(NewDataset("sthjj", "坏输入测试"));
        var exe = await provider.UploadAsync(created.Slug, "virus.exe", "MZ");
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains("不支持的文件类型", (await exe.ReadAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString());
        var publish = await provider.PostAsync($"/api/v1/manage/datasets/{created.Slug}/publish", null);
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);

        // A second host on the same database with a 1 MB limit.
        await using var small = factory.WithWebHostBuilder(b => b.UseSetting("Datastore:MaxUploadBytes", "1048576"));
        var token = provider.DefaultRequestHeaders.Authorization;
        var client = small.CreateClient();
        client.DefaultRequestHeaders.Authorization = token;
        var big = await client.UploadAsync(created.Slug, "big.csv", new byte[1024 * 1024 + 10]);
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        Assert.Equal("文件超过大小上限 1 MB", (await big.ReadAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.False(await db.Resources.AnyAsync(r => r.Dataset!.Slug == created.Slug));
    }

    private static async Task<(int Total, int Org)> SthjjCountAsync(HttpClient client)
    {
        var r = await client.SearchAsync("pageSize=1");
        return (r.Total, r.Facets["org"].Single(f => f.Value == "sthjj").Count);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Datasets.CountAsync();
    }
}

public sealed class DatasetPublishingTestsSqlite(SqlitePortalFactory f) : DatasetPublishingTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class DatasetPublishingTestsPostgres(PostgresPortalFactory f) : DatasetPublishingTests(f), IClassFixture<PostgresPortalFactory>;
