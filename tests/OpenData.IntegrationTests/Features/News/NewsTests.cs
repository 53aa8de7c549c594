using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.News;
using OpenData.Web.Infrastructure.Auth;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Admin.BackOfficeKit;

namespace OpenData.IntegrationTests.Features.News;

/// <summary>政策动态: the demo articles, the public lists, pages and feeds, and the administrator's JSON API.</summary>
public abstract class NewsTests(PortalFactory factory)
{
    internal static async Task<int> CreateAsync(HttpClient admin, string title, string body = "正文", string category = "news", bool publish = true,
        DateTimeOffset? publishAt = null)
    {
        var res = await admin.PostAsJsonAsync("/api/v1/admin/news", new
        {
            title, category, summary = title + " 的摘要", body, source = "丽水市大数据发展管理局", publish, publishAt,
        });
        Assert.True(res.StatusCode == HttpStatusCode.Created, await res.Content.ReadAsStringAsync());
        return (await res.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task The_demo_seed_has_fifteen_articles_in_every_category_including_the_windows_notice_and_the_open_list()
    {
        var client = factory.CreateClient();
        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/news?pageSize=100");
        // Other tests of this fixture add their own articles; the demo ones are marked.
        var items = all.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("isDemo").GetBoolean()).ToList();
        Assert.True(items.Count >= 15, $"{items.Count} demo articles");
        foreach (var c in NewsCategories.All)
            Assert.Contains(items, i => i.GetProperty("category").GetString() == c.ToString());
        Assert.Contains(items, i => i.GetProperty("title").GetString()!.Contains("受限数据申请窗口期"));
        var list = items.Single(i => i.GetProperty("category").GetString() == "OpenList" && i.GetProperty("title").GetString()!.Contains("示例目录"));
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/news/{list.GetProperty("id").GetInt32()}");
        var firstSlug = await WithDbAsync(factory, db => db.Datasets.Where(d => d.IsPublished).Select(d => d.Slug).FirstAsync());
        Assert.Contains($"/datasets/{firstSlug}", detail.GetProperty("bodyHtml").GetString());
        Assert.Contains("示例", await client.GetStringAsync("/news"));
    }

    [Fact]
    public async Task The_list_filters_by_category_searches_and_pages_on_the_server()
    {
        var client = factory.CreateClient();
        var policy = await client.GetFromJsonAsync<JsonElement>("/api/v1/news?category=policy&pageSize=2");
        Assert.Equal(2, policy.GetProperty("pageSize").GetInt32());
        Assert.True(policy.GetProperty("total").GetInt32() >= 3);
        Assert.Equal(2, policy.GetProperty("items").GetArrayLength());
        Assert.All(policy.GetProperty("items").EnumerateArray(), i => Assert.Equal("Policy", i.GetProperty("category").GetString()));
        var page2 = await client.GetFromJsonAsync<JsonElement>("/api/v1/news?category=policy&pageSize=2&page=2");
        Assert.NotEqual(policy.GetProperty("items")[0].GetProperty("id").GetInt32(), page2.GetProperty("items")[0].GetProperty("id").GetInt32());
        var hits = await client.GetFromJsonAsync<JsonElement>("/api/v1/news?q=" + Uri.EscapeDataString("创新应用大赛"));
        var titles = hits.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Contains("丽水市公共数据开放创新应用大赛启动", titles);
        Assert.DoesNotContain("高校数据开放实践周活动回顾", titles);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/news?category=bogus")).StatusCode);
        var page = await client.GetStringAsync("/news?category=work-plan&q=" + Uri.EscapeDataString("完整性"));
        Assert.Contains("第四季度数据质量提升计划", page);
        Assert.DoesNotContain("2027年公共数据开放工作要点", page);
        Assert.Contains("没有找到包含", await client.GetStringAsync("/news?q=" + Uri.EscapeDataString("不存在的词语")));
    }

    [Fact]
    public async Task An_administrator_publishes_and_the_article_shows_on_news_home_feeds_and_detail_with_neighbours()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var title = "测试发布 " + UniqueName();
        var id = await CreateAsync(admin, title, "## 小标题\n\n第一段**加粗**。", "policy");
        var anon = factory.CreateClient();
        Assert.Contains(title, await anon.GetStringAsync("/news"));
        Assert.Contains(title, await anon.GetStringAsync("/"));
        var feed = await anon.GetAsync("/news/feed.atom");
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType!.MediaType);
        Assert.Contains(title, await feed.Content.ReadAsStringAsync());
        Assert.Contains(title, await anon.GetStringAsync("/news/feed.atom?category=policy"));
        Assert.DoesNotContain(title, await anon.GetStringAsync("/news/feed.atom?category=innovation"));
        var page = await anon.GetStringAsync($"/news/{id}");
        Assert.Contains("<strong>加粗</strong>", page);
        Assert.Contains("上一篇", page);
        var detail = await anon.GetFromJsonAsync<JsonElement>($"/api/v1/news/{id}");
        Assert.Equal(JsonValueKind.Object, detail.GetProperty("previous").ValueKind); // older policy articles exist
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("next").ValueKind);
        Assert.NotEmpty(await AuditAsync(factory, NewsAudit.Published, $"news:{id}"));
    }

    [Fact]
    public async Task Only_an_administrator_may_write_and_bad_input_is_a_chinese_problem()
    {
        var anon = factory.CreateClient();
        var body = new { title = "x", category = "news", body = "y", publish = true };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync("/api/v1/admin/news", body)).StatusCode);
        var (developer, _) = await SignedInAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await developer.PostAsJsonAsync("/api/v1/admin/news", body)).StatusCode);
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var bad = await admin.PostAsJsonAsync("/api/v1/admin/news", new { title = "x", category = "nope", body = "y" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("请选择栏目", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_scheduled_article_stays_hidden_until_its_time_and_an_unpublished_one_disappears()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var anon = factory.CreateClient();
        var later = "定时 " + UniqueName();
        var scheduled = await CreateAsync(admin, later, publishAt: DateTimeOffset.UtcNow.AddDays(2));
        Assert.DoesNotContain(later, await anon.GetStringAsync("/news"));
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/news/{scheduled}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/api/v1/news/{scheduled}")).StatusCode);
        Assert.NotEmpty(await AuditAsync(factory, NewsAudit.Scheduled, $"news:{scheduled}"));
        Assert.Contains("定时发布", await admin.GetStringAsync("/admin/news"));

        var now = "下线 " + UniqueName();
        var id = await CreateAsync(admin, now);
        Assert.Contains(now, await anon.GetStringAsync("/api/v1/news"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/admin/news/{id}/unpublish", null)).StatusCode);
        Assert.DoesNotContain(now, await anon.GetStringAsync("/api/v1/news"));
        Assert.DoesNotContain(now, await anon.GetStringAsync("/news/feed.atom"));
        Assert.Equal(HttpStatusCode.NotFound, (await anon.GetAsync($"/news/{id}")).StatusCode);
        Assert.NotEmpty(await AuditAsync(factory, NewsAudit.Unpublished, $"news:{id}"));
    }

    [Fact]
    public async Task Script_event_attributes_iframes_and_javascript_links_do_not_survive_in_the_page_the_preview_or_the_api()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        const string evil = "安全正文\n\n<script>alert(1)</script>\n\n<img src=\"x.png\" onerror=\"alert(2)\">\n\n<iframe src=\"https://evil.example\"></iframe>\n\n[点我](javascript:alert(3)) <a href=\"#\" onclick=\"alert(4)\">链接</a>";
        var id = await CreateAsync(admin, "净化 " + UniqueName(), evil);
        var page = await factory.CreateClient().GetStringAsync($"/news/{id}");
        var body = page[page.IndexOf("article-body", StringComparison.Ordinal)..page.IndexOf("article-nav", StringComparison.Ordinal)];
        Assert.Contains("安全正文", body);
        foreach (var bad in new[] { "<script", "onerror", "<iframe", "javascript:", "onclick" })
            Assert.DoesNotContain(bad, body, StringComparison.OrdinalIgnoreCase);
        var preview = await admin.PostAsJsonAsync("/api/v1/admin/news/preview", new { body = evil });
        var html = (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("html").GetString()!;
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("onerror", html);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/v1/admin/news/preview", new { body = evil })).StatusCode);
    }

    [Fact]
    public async Task Attachments_are_checked_by_content_and_kept_with_the_article()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var id = await CreateAsync(admin, "附件 " + UniqueName());
        var edit = $"/admin/news/{id}/edit";
        KeyValuePair<string, string>[] fields = [new("Input.Title", "附件文章"), new("Input.Category", "policy"), new("Input.Body", "正文"), new("Input.Action", "publish")];
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        var ok = await admin.PostMultipartFormAsync(edit, "news-edit", fields, "attachment", "通知.pdf", pdf, "application/pdf");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var exe = new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 };
        var refused = await admin.PostMultipartFormAsync(edit, "news-edit", fields, "attachment", "伪装.pdf", exe, "application/pdf");
        Assert.Contains("可执行程序", await refused.Content.ReadAsStringAsync());
        var text = await admin.PostMultipartFormAsync(edit, "news-edit", fields, "attachment", "说明.txt", "纯文本"u8.ToArray(), "text/plain");
        Assert.Contains("附件类型不允许", await text.Content.ReadAsStringAsync());

        var detail = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/news/{id}");
        var files = detail.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal("通知.pdf", Assert.Single(files).GetProperty("fileName").GetString());
        var download = await factory.CreateClient().GetAsync(files[0].GetProperty("url").GetString());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.NotEmpty(await AuditAsync(factory, NewsAudit.AttachmentAdded, $"news:{id}"));
        Assert.Equal(2, (await AuditAsync(factory, NewsAudit.AttachmentRefused, $"news:{id}")).Count);
    }
}

public sealed class NewsTestsSqlite(SqlitePortalFactory f) : NewsTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class NewsTestsPostgres(PostgresPortalFactory f) : NewsTests(f), IClassFixture<PostgresPortalFactory>;
