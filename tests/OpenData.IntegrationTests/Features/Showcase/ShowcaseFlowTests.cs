using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Infrastructure.Auth;
using SkiaSharp;
using static OpenData.IntegrationTests.Features.Showcase.ShowcaseKit;

namespace OpenData.IntegrationTests.Features.Showcase;

/// <summary>2.3.3 through the JSON API: submit with screenshots, review, publish; edits reviewed again; messages at each step.</summary>
public abstract class ShowcaseFlowTests(PortalFactory factory)
{
    [Fact]
    public async Task A_submission_is_private_until_approved_then_listed_on_apps_its_dataset_page_graph_and_the_home_page()
    {
        var slug = await DatasetSlugAsync(factory, 3);
        var (dev, _) = await BearerAsync(factory);
        var name = "公交到站" + Guid.NewGuid().ToString("N")[..6];
        var res = await dev.PostAsync("/api/v1/me/showcase", Form(Fields(slug, name),
            ("screenshots", "a.png", Png(metadata: "secret-metadata-xyz")), ("screenshots", "b.png", Png(color: SKColors.DarkRed))));
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var created = await Json(res);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("pending", created.GetProperty("status").GetString());

        // Nothing public yet: not in the API, the page or the interaction kind; the owner sees it as pending.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/v1/apps/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/apps/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/interact/items/app/{id}")).StatusCode);
        Assert.Contains("\"status\":\"pending\"", await dev.GetStringAsync("/api/v1/me/showcase"));
        Assert.Contains("成果已提交", await dev.GetStringAsync("/api/v1/me/messages"));

        var (reviewer, _) = await BearerAsync(factory, Roles.Reviewer);
        Assert.Contains(name, await reviewer.GetStringAsync("/api/v1/admin/showcase"));
        Assert.Equal(HttpStatusCode.Forbidden, (await dev.PostAsJsonAsync($"/api/v1/admin/showcase/{id}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/admin/showcase/{id}/approve", new { reason = "" })).StatusCode);
        Assert.Contains("应用成果审核通过", await dev.GetStringAsync("/api/v1/me/messages"));

        var anon = factory.CreateClient();
        var detail = await Json(await anon.GetAsync($"/api/v1/apps/{id}"));
        Assert.Equal(name, detail.GetProperty("name").GetString());
        Assert.Equal("service", detail.GetProperty("type").GetString());
        Assert.Equal(slug, detail.GetProperty("datasets")[0].GetString());
        var shots = detail.GetProperty("screenshots").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal(2, shots.Count);
        // Re-encoded: a real PNG that decodes, without the submitted metadata chunk.
        var image = await anon.GetAsync(shots[0]);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.NotNull(SKBitmap.Decode(bytes));
        Assert.DoesNotContain("secret-metadata-xyz", Encoding.Latin1.GetString(bytes));
        Assert.DoesNotContain("tEXt", Encoding.Latin1.GetString(bytes));

        Assert.Contains(name, await anon.GetStringAsync("/api/v1/apps?q=" + Uri.EscapeDataString(name[..4]) + "&type=service"));
        Assert.DoesNotContain(name, await anon.GetStringAsync("/api/v1/apps?type=research"));
        var page = await anon.GetStringAsync($"/apps/{id}");
        Assert.Contains(name, page);
        Assert.Contains("embed-code", page);
        Assert.Contains(name, await anon.GetStringAsync("/apps"));
        Assert.Contains(name, await anon.GetStringAsync($"/datasets/{slug}"));
        Assert.Contains($"app:{id}", await anon.GetStringAsync($"/api/v1/datasets/{slug}/graph"));
        Assert.Contains(name, await anon.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync($"/interact/items/app/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_edit_of_an_approved_entry_is_reviewed_again_while_the_approved_version_stays_public()
    {
        var slug = await DatasetSlugAsync(factory);
        var (dev, _) = await BearerAsync(factory);
        var (reviewer, _) = await BearerAsync(factory, Roles.Reviewer);
        var id = (await Json(await dev.PostAsync("/api/v1/me/showcase", Form(Fields(slug, "初版成果名称"), ("screenshots", "a.png", Png()))))).GetProperty("id").GetInt32();
        await reviewer.PostAsJsonAsync($"/api/v1/admin/showcase/{id}/approve", new { });

        var edit = await dev.PostAsync($"/api/v1/me/showcase/{id}", Form(Fields(slug, "修改后的名称")));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var anon = factory.CreateClient();
        var pub = await Json(await anon.GetAsync($"/api/v1/apps/{id}"));
        Assert.Equal("初版成果名称", pub.GetProperty("name").GetString());
        Assert.Single(pub.GetProperty("screenshots").EnumerateArray()); // kept from the approved version
        Assert.Contains("\"status\":\"pending\"", await dev.GetStringAsync("/api/v1/me/showcase"));

        // Ask for changes (a reason is required), then the resubmission is approved.
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsJsonAsync($"/api/v1/admin/showcase/{id}/request-changes", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/admin/showcase/{id}/request-changes", new { reason = "请补充截图说明" })).StatusCode);
        Assert.Contains("请补充截图说明", await dev.GetStringAsync("/api/v1/me/messages"));
        Assert.Contains("changesRequested", await dev.GetStringAsync("/api/v1/me/showcase"));
        Assert.Equal("初版成果名称", (await Json(await anon.GetAsync($"/api/v1/apps/{id}"))).GetProperty("name").GetString());
        await dev.PostAsync($"/api/v1/me/showcase/{id}", Form(Fields(slug, "修改后的名称")));
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/admin/showcase/{id}/approve", new { })).StatusCode);
        Assert.Equal("修改后的名称", (await Json(await anon.GetAsync($"/api/v1/apps/{id}"))).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_tells_the_submitter_and_keeps_the_entry_private()
    {
        var (dev, _) = await BearerAsync(factory);
        var (reviewer, _) = await BearerAsync(factory, Roles.Reviewer);
        var id = (await Json(await dev.PostAsync("/api/v1/me/showcase", Form(Fields(await DatasetSlugAsync(factory)), ("screenshots", "a.png", Png()))))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsJsonAsync($"/api/v1/admin/showcase/{id}/reject", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/admin/showcase/{id}/reject", new { reason = "与开放数据无关" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsJsonAsync($"/api/v1/admin/showcase/{id}/approve", new { })).StatusCode);
        Assert.Contains("与开放数据无关", await dev.GetStringAsync("/api/v1/me/messages"));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/v1/apps/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_demo_seed_shows_twelve_results_of_all_four_types_with_drawn_screenshots_ratings_and_a_home_count()
    {
        var anon = factory.CreateClient();
        var all = new List<System.Text.Json.JsonElement>();
        for (var p = 1; p <= 3; p++)
            all.AddRange((await Json(await anon.GetAsync($"/api/v1/apps?page={p}"))).GetProperty("items").EnumerateArray());
        var demo = all.Where(a => a.GetProperty("isDemo").GetBoolean()).ToList();
        Assert.True(demo.Count >= 12, $"only {demo.Count} demo entries");
        Assert.Equal(["media", "research", "service", "solution"], demo.Select(a => a.GetProperty("type").GetString()).Distinct().Order());
        Assert.All(demo, a => Assert.True(a.GetProperty("screenshots").GetArrayLength() >= 2));
        Assert.Contains(demo, a => a.GetProperty("rating").GetDouble() > 0);
        var thumb = await anon.GetAsync(demo[0].GetProperty("thumbnail").GetString());
        Assert.Equal("image/jpeg", thumb.Content.Headers.ContentType!.MediaType);
        // Sorted by rating: never increasing down the page.
        var ratings = (await Json(await anon.GetAsync("/api/v1/apps?sort=rating"))).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("rating").GetDouble()).ToList();
        Assert.Equal(ratings.OrderByDescending(r => r), ratings);
        var home = await anon.GetStringAsync("/");
        Assert.Contains("应用成果（个）", home);
        Assert.Contains("最新应用成果", home);
        var openApi = await anon.GetStringAsync("/openapi/v1.json");
        foreach (var route in new[] { "/api/v1/apps", "/api/v1/apps/{id}", "/api/v1/me/showcase" })
            Assert.Contains($"\"{route}\"", openApi);
        // The review routes are management operations: in /openapi/manage.json, never in the public document (issue 15).
        Assert.DoesNotContain("/api/v1/admin/showcase/{id}/approve", openApi);
        var list = await anon.GetStringAsync("/apps?type=research");
        Assert.Contains("研究成果", list);
        Assert.Contains("示例", list);
    }
}

public sealed class ShowcaseFlowTestsSqlite(SqlitePortalFactory f) : ShowcaseFlowTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class ShowcaseFlowTestsPostgres(PostgresPortalFactory f) : ShowcaseFlowTests(f), IClassFixture<PostgresPortalFactory>;
