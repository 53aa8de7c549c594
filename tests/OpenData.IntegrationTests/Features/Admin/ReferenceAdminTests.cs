using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Auth;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Admin.BackOfficeKit;
using static OpenData.IntegrationTests.Features.Datasets.DatasetTestKit;

namespace OpenData.IntegrationTests.Features.Admin;

public abstract class ReferenceAdminTests(PortalFactory factory)
{
    private static List<KeyValuePair<string, string>> Dept(string code, string name) =>
        [new("Id", "0"), new("Code", code), new("Name", name), new("ShortName", name[..2]), new("Contact", "0578-1"), new("SortOrder", "500")];

    [Fact]
    public async Task Merging_a_department_moves_its_datasets_and_users_and_retires_it()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var src = "m" + Guid.NewGuid().ToString("N")[..6];
        var dst = "n" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal("/admin/departments?done=1", (await admin.PostFormAsync("/admin/departments", null, "dept-save", Dept(src, "合并测试甲局"))).Target());
        await admin.PostFormAsync("/admin/departments", null, "dept-save", Dept(dst, "合并测试乙局"));
        var api = await factory.ClientForAsync("admin");
        var created = await api.CreateDatasetAsync(NewDataset(src, "合并测试数据集"));
        var staff = await CreateUserAsync(factory, Roles.Provider, src);

        var ids = await WithDbAsync(factory, db => db.Departments.Where(d => d.Code == src || d.Code == dst).ToDictionaryAsync(d => d.Code, d => d.Id));
        var merged = await admin.PostFormAsync("/admin/departments", null, "dept-merge", [new("Source", ids[src].ToString()), new("Target", ids[dst].ToString())]);
        Assert.Equal("/admin/departments?done=1", merged.Target());

        Assert.Equal(ids[dst], await WithDbAsync(factory, db => db.Datasets.Where(d => d.Slug == created.Slug).Select(d => d.DepartmentId).SingleAsync()));
        Assert.Equal(ids[dst], await WithDbAsync(factory, db => db.Users.Where(u => u.Id == staff.Id).Select(u => u.DepartmentId).SingleAsync()));
        Assert.True(await WithDbAsync(factory, db => db.Departments.Where(d => d.Id == ids[src]).Select(d => d.IsRetired).SingleAsync()));
        var orgs = await factory.CreateClient().GetStringAsync("/api/v1/organizations");
        Assert.DoesNotContain(src, orgs);
        Assert.Contains(dst, orgs);
        Assert.Single(await AuditAsync(factory, AuditActions.DepartmentMerged, $"department:{src}"));
    }

    [Fact]
    public async Task Renaming_a_department_makes_its_datasets_findable_by_the_new_name()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var code = "r" + Guid.NewGuid().ToString("N")[..6];
        await admin.PostFormAsync("/admin/departments", null, "dept-save", Dept(code, "改名测试甲局"));
        var api = await factory.ClientForAsync("admin");
        var created = await api.CreateDatasetAsync(NewDataset(code, "改名测试数据集"));
        // Listed without files: search covers published datasets only.
        await WithDbAsync(factory, db => db.Datasets.Where(d => d.Slug == created.Slug).ExecuteUpdateAsync(s => s.SetProperty(d => d.IsPublished, true)));
        var id = await WithDbAsync(factory, db => db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());
        Assert.DoesNotContain((await api.SearchAsync("q=" + Q("琉璃湖"))).Items, i => i.Slug == created.Slug);
        var renamed = Dept(code, "琉璃湖管理局");
        renamed[0] = new("Id", id.ToString());
        Assert.Equal("/admin/departments?done=1", (await admin.PostFormAsync("/admin/departments", null, "dept-save", renamed)).Target());

        var r = await api.SearchAsync("q=" + Q("琉璃湖"));
        Assert.Contains(r.Items, i => i.Slug == created.Slug);
    }

    [Fact]
    public async Task A_retired_domain_leaves_the_filters_but_its_datasets_stay_visible()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var detail = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/datasets/xingji-fandian");
        var domainId = await WithDbAsync(factory, db => db.Datasets.Where(d => d.Slug == "xingji-fandian").Select(d => d.DomainId).SingleAsync());
        var name = await WithDbAsync(factory, db => db.Domains.Where(d => d.Id == domainId).Select(d => d.Name).SingleAsync());
        var saved = await admin.PostFormAsync("/admin/domains", null, "domain-save",
            [new("Id", domainId.ToString()), new("Name", name), new("Icon", "tree"), new("SortOrder", "1"), new("Retired", "true")]);
        Assert.Equal("/admin/domains?done=1", saved.Target());
        Assert.DoesNotContain($"\"{name}\"", await factory.CreateClient().GetStringAsync("/api/v1/domains"));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/v1/datasets/xingji-fandian")).StatusCode);
        Assert.Equal(detail.GetProperty("title").GetString(), (await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/datasets/xingji-fandian")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Invalid_department_codes_are_refused_with_a_message()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var res = await admin.PostFormAsync("/admin/departments", null, "dept-save", Dept("有中文", "错误部门"));
        Assert.Contains("部门代码为 2–20 位小写字母或数字", await res.Content.ReadAsStringAsync());
    }
}

public sealed class ReferenceAdminTestsSqlite(SqlitePortalFactory f) : ReferenceAdminTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class ReferenceAdminTestsPostgres(PostgresPortalFactory f) : ReferenceAdminTests(f), IClassFixture<PostgresPortalFactory>;
