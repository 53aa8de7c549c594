using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using OpenData.IntegrationTests.Infrastructure;

namespace OpenData.IntegrationTests.Features.Datasets.Pages;

/// <summary>The provider's publishing pages under /manage, driven through their real forms.</summary>
public abstract partial class DatasetManagePagesTests(PortalFactory factory)
{
    private const string Csv = "\uFEFF监测点,区县,水温,浊度\n城北水厂,莲都区,18.5,0.3\n城南水厂,莲都区,19.1,0.5\n";

    private static Dictionary<string, string> Form(string title) => new()
    {
        ["Form.Title"] = title, ["Form.Summary"] = "莲都区自来水监测点的水质检测结果。", ["Form.Organization"] = "sthjj",
        ["Form.Domain"] = "10", ["Form.OpenCondition"] = "open", ["Form.UpdateFrequency"] = "monthly",
        ["Form.County"] = "331102", ["Form.Tags"] = "水质，自来水", ["Form.Contact"] = "0578-2000000",
    };

    [Fact]
    public async Task Provider_creates_a_dataset_uploads_a_csv_sees_the_job_and_publishes_through_the_pages()
    {
        var provider = await PageKit.ClientForAsync(factory, "provider");
        var list = await provider.GetStringAsync("/manage/datasets");
        Assert.Contains("丽水市空气质量日报", list);        // own department
        Assert.DoesNotContain("婚姻登记机关", list);         // another department's

        var created = await provider.PostFormAsync("/manage/datasets/new", null, "dataset", Form("城区自来水监测点水质"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var upload = created.Location();
        var slug = SlugRegex().Match(upload).Groups[1].Value;
        Assert.EndsWith("/upload?created=1", upload);

        var uploaded = await provider.PostMultipartFormAsync(upload, "upload", [new("Name", "监测点水质")], "file", "水质.csv", Encoding.UTF8.GetBytes(Csv));
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Matches("^/manage/jobs/\\d+$", uploaded.Location());
        // The worker loads the file in the background; the job page refreshes itself until it is done.
        var job = await provider.GetStringAsync(uploaded.Location());
        for (var i = 0; i < 300 && !job.Contains("已完成") && !job.Contains("处理失败"); i++)
        {
            await Task.Delay(100);
            job = await provider.GetStringAsync(uploaded.Location());
        }
        Assert.Contains("已完成", job);
        Assert.Contains("<dt>数据行数</dt><dd>2</dd>", job);

        var fields = await provider.GetStringAsync($"/manage/datasets/{slug}/fields");
        Assert.Contains("value=\"水温\"", fields);

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/datasets/{slug}")).StatusCode);
        var published = await provider.PostFormAsync($"/manage/datasets/{slug}/edit", null, "state", [new("Op", "publish")]);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await factory.CreateClient().GetStringAsync($"/datasets/{slug}");
        Assert.Contains("城区自来水监测点水质", page);
        Assert.Contains("城北水厂", page);                  // sample rows
        Assert.Contains("水质.csv", page);                   // version list
    }

    [Fact]
    public async Task The_edit_form_shows_the_backends_validation_messages_beside_the_fields()
    {
        var provider = await PageKit.ClientForAsync(factory, "provider");
        var form = Form("");
        form["Form.Domain"] = "";
        var res = await provider.PostFormAsync("/manage/datasets/new", null, "dataset", form);
        Assert.Equal((HttpStatusCode)422, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains("<div class=\"field-error\" id=\"err-title\">请填写数据集名称</div>", html);
        Assert.Contains("id=\"err-domain\"", html);
        Assert.Contains("莲都区自来水监测点的水质检测结果。</textarea>", html); // what was typed is kept
    }

    [Fact]
    public async Task Another_departments_provider_gets_403_and_a_registered_user_cannot_open_manage()
    {
        var other = await PageKit.NewUserClientAsync(factory, "Provider", "jyj");
        var res = await other.GetAsync("/manage/datasets/kongqi-zhiliang-ribao/edit");
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        Assert.Contains("无权管理此数据集", await res.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/manage/datasets/kongqi-zhiliang-ribao/upload")).StatusCode);
        // The token comes from a page the provider may open; the post itself targets the other department.
        var post = await other.PostFormAsync("/manage/datasets/new", "/manage/datasets/kongqi-zhiliang-ribao/fields", "fields",
            [new("Fields[0].Name", "日期"), new("Fields[0].Description", "被篡改的说明")]);
        Assert.Contains(post.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.BadRequest });
        Assert.DoesNotContain("被篡改的说明", await factory.CreateClient().GetStringAsync("/datasets/kongqi-zhiliang-ribao"));

        var developer = await PageKit.ClientForAsync(factory, "developer");
        var denied = await developer.GetAsync("/manage/datasets");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode); // token clients get 403; cookie clients the access-denied page
    }

    [Fact]
    public async Task An_admin_manages_every_department_and_may_choose_any_department_on_the_form()
    {
        var admin = await PageKit.ClientForAsync(factory, "admin"); // a personal token counts as the second factor
        var list = await admin.GetStringAsync("/manage/datasets");
        Assert.Contains("全部单位的数据集", list);
        Assert.Contains("丽水市空气质量日报", list);
        Assert.Contains("婚姻登记机关", list);
        var form = await admin.GetStringAsync("/manage/datasets/new");
        Assert.Contains("<option value=\"jyj\"", form);
        var provider = await PageKit.ClientForAsync(factory, "provider");
        var own = await provider.GetStringAsync("/manage/datasets/new");
        Assert.DoesNotContain("<option value=\"jyj\"", own);
        Assert.Contains("<option value=\"sthjj\"", own);
    }

    [GeneratedRegex("/manage/datasets/([^/]+)/upload")]
    private static partial Regex SlugRegex();
}

public sealed class DatasetManagePagesTestsSqlite(SqlitePortalFactory f) : DatasetManagePagesTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class DatasetManagePagesTestsPostgres(PostgresPortalFactory f) : DatasetManagePagesTests(f), IClassFixture<PostgresPortalFactory>;
