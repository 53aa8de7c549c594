using System.Net;
using System.Text.Json;
using System.Net.Http.Json;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Infrastructure.Auth;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Admin.BackOfficeKit;

namespace OpenData.IntegrationTests.Features.DeveloperCenter;

/// <summary>开发者中心: the overview, the manual (pages, anchors, search, 404) and the split OpenAPI documents.</summary>
public abstract class DeveloperCenterTests(PortalFactory factory)
{
    [Fact]
    public async Task The_developer_center_is_in_the_main_menu_with_updates_rankings_counts_and_links()
    {
        var client = factory.CreateClient();
        var home = await client.GetStringAsync("/");
        Assert.Contains("href=\"/developer\"", home);
        Assert.Contains("href=\"/news\"", home);
        var page = await client.GetStringAsync("/developer");
        foreach (var part in new[] { "开放数据", "开放接口", "下载排行", "评分排行", "调用排行", "应用排行", "开放部门", "href=\"/developer/docs/getting-started\"", "href=\"/developer/docs/api\"", "href=\"/me/apps\"" })
            Assert.Contains(part, page);
        var newest = await WithDbAsync(factory, db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Datasets.Where(d => d.IsPublished).OrderByDescending(d => d.DataUpdatedAt ?? d.UpdatedAt).ThenBy(d => d.Id).Select(d => d.Slug)));
        Assert.Contains($"/datasets/{newest}", page);
    }

    [Fact]
    public async Task The_app_ranking_lists_approved_showcase_entries_by_views_and_never_an_unapproved_one()
    {
        // Two demo entries: the first gets the most views, the second more still but loses its approved revision.
        var (top, hidden) = await WithDbAsync(factory, async db =>
        {
            var revs = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.ShowcaseRevisions.Where(r => r.IsPublished).OrderBy(r => r.EntryId).Take(2));
            var entries = revs.Select(r => db.ShowcaseEntries.Find(r.EntryId)!).ToList();
            entries[0].ViewCount = 9_000_001;
            entries[1].ViewCount = 9_000_002;
            revs[1].IsPublished = false;
            await db.SaveChangesAsync();
            return (revs[0], revs[1]);
        });
        var page = await factory.CreateClient().GetStringAsync("/developer");
        var start = page.IndexOf("应用排行", StringComparison.Ordinal);
        Assert.True(start > 0, "应用排行 panel missing");
        var panel = page[start..page.IndexOf("dev-manual", start, StringComparison.Ordinal)];
        var first = panel.IndexOf("<li>", StringComparison.Ordinal);
        Assert.Contains($"href=\"/apps/{top.EntryId}\"", panel[first..panel.IndexOf("</li>", first, StringComparison.Ordinal)]);
        Assert.Contains("9,000,001 次浏览", panel);
        Assert.DoesNotContain($"href=\"/apps/{hidden.EntryId}\"", panel);
        Assert.Contains("href=\"/apps?sort=views\"", panel);
    }

    [Fact]
    public async Task Every_manual_page_has_a_table_of_contents_anchored_headings_and_previous_next_links()
    {
        var client = factory.CreateClient();
        string[] pages = ["intro", "getting-started", "access-guide", "review", "faq"];
        foreach (var p in pages)
        {
            var html = await client.GetStringAsync($"/developer/docs/{p}");
            Assert.Contains("开发手册目录", html);
            Assert.Contains("class=\"anchor\"", html);
            Assert.Contains(p == "faq" ? "下一篇：API 参考" : "下一篇", html);
        }
        var guide = await client.GetStringAsync("/developer/docs/access-guide");
        Assert.Contains("<h2 id=\"errors\">", guide);
        Assert.Contains("href=\"/developer/docs/access-guide#errors\"", guide);
        Assert.Contains("ODP.NonceReused", guide);
        foreach (var lang in new[] { "python", "java", "csharp", "javascript", "bash" })
            Assert.Contains($"class=\"language-{lang}\"", guide);
        Assert.Contains("上一篇：开发新手入门", guide);
        Assert.Contains("下一篇：审核流程", guide);
    }

    [Fact]
    public async Task An_unknown_manual_page_is_the_chinese_404_and_the_manual_search_finds_sections()
    {
        var client = factory.CreateClient();
        var missing = await client.GetAsync("/developer/docs/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("页面不存在", await missing.Content.ReadAsStringAsync());
        var hits = await client.GetStringAsync("/developer/docs?q=" + Uri.EscapeDataString("时间戳"));
        Assert.Contains("href=\"/developer/docs/faq#timestamp-skew\"", hits);
        Assert.Contains("<mark>时间戳</mark>", hits);
        Assert.Contains("没有找到", await client.GetStringAsync("/developer/docs?q=" + Uri.EscapeDataString("不存在的词")));
    }

    [Fact]
    public async Task The_public_openapi_document_and_reference_never_list_management_routes()
    {
        var client = factory.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        // The interactive console shows the document's title: the portal's, not the assembly's default.
        Assert.Equal("丽水市公共数据开放平台 开放 API", doc.GetProperty("info").GetProperty("title").GetString());
        // Served from memory: a second fetch is the same document.
        Assert.Equal(doc.GetRawText(), (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetRawText());
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/datasets", paths);
        Assert.Contains("/api/v1/news", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/api/v1/admin") || p.StartsWith("/api/v1/manage") || p.StartsWith("/admin"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateBrowserClient().GetAsync("/openapi/manage.json")).StatusCode);
        var reference = await client.GetStringAsync("/developer/docs/api");
        Assert.Contains("数据目录", reference);
        Assert.Contains("/api/v1/data/{code}/records", reference);
        Assert.Contains("/api/v1/me/apps", reference);
        Assert.DoesNotContain("/api/v1/admin", reference);
        Assert.DoesNotContain("/api/v1/manage", reference);
        Assert.DoesNotContain("/developer/reference", reference); // the console is gone (ADR 0190)

        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var manage = await admin.GetFromJsonAsync<JsonElement>("/openapi/manage.json");
        var managed = manage.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/admin/news", managed);
        Assert.Contains(managed, p => p.StartsWith("/api/v1/manage"));
        Assert.DoesNotContain("/api/v1/datasets", managed);
        var (provider, _) = await SignedInAsync(factory, Roles.Provider, "sthjj");
        Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync("/openapi/manage.json")).StatusCode);
        var (developer, _) = await SignedInAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await developer.GetAsync("/openapi/manage.json")).StatusCode);
    }
}

public sealed class DeveloperCenterTestsSqlite(SqlitePortalFactory f) : DeveloperCenterTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class DeveloperCenterTestsPostgres(PostgresPortalFactory f) : DeveloperCenterTests(f), IClassFixture<PostgresPortalFactory>;
