using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Showcase;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Web;
using static OpenData.IntegrationTests.Features.Showcase.ShowcaseKit;

namespace OpenData.IntegrationTests.Features.Showcase;

/// <summary>The bad input: each refused with a clear message, and nothing stored (no entry, no file).</summary>
public abstract class ShowcaseInputTests(PortalFactory factory)
{
    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "exe", "程序.png", "可执行程序" },
        { "appended", "拼接.png", "末尾附带了其他数据" },
        { "svg", "图.svg", "SVG" },
        { "huge", "大图.png", "5 MB" },
        { "oversize", "超大.png", "4096" },
    };

    private static byte[] Bad(string kind) => kind switch
    {
        "exe" => [.. "MZ"u8, .. new byte[4000]],
        "appended" => [.. Png(), .. "<script>alert(1)</script>"u8],
        "svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"10\" height=\"10\"/></svg>"u8.ToArray(),
        "huge" => [.. Png(), .. new byte[50 * 1024 * 1024]],
        _ => Png(4100, 8),
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_screenshot_is_refused_by_its_content_and_nothing_is_stored(string kind, string fileName, string message)
    {
        var (dev, userId) = await BearerAsync(factory);
        var files = FileCount(factory);
        var res = await dev.PostAsync("/api/v1/me/showcase", Form(Fields(await DatasetSlugAsync(factory)), ("screenshots", "ok.png", Png()), ("screenshots", fileName, Bad(kind))));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var body = await res.Content.ReadAsStringAsync();
        Assert.Contains(message, body);
        Assert.Contains("第 2 张截图", body);
        Assert.Equal(0, await EntriesOfAsync(userId));
        Assert.Equal(files, FileCount(factory));
    }

    [Theory]
    [InlineData("javascript:alert(1)", "http:// 或 https://")]
    [InlineData("http://127.0.0.1:8080/admin", "内网地址")]
    [InlineData("http://[::1]/", "内网地址")]
    [InlineData("https://localhost/", "内网地址")]
    public async Task A_script_or_private_address_is_refused(string url, string message)
    {
        var (dev, userId) = await BearerAsync(factory);
        var res = await dev.PostAsync("/api/v1/me/showcase", Form(Fields(await DatasetSlugAsync(factory), url: url), ("screenshots", "a.png", Png())));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Contains(message, await res.Content.ReadAsStringAsync());
        Assert.Equal(0, await EntriesOfAsync(userId));
    }

    [Fact]
    public async Task Missing_required_fields_are_each_named_and_nothing_is_stored()
    {
        var (dev, userId) = await BearerAsync(factory);
        var res = await dev.PostAsync("/api/v1/me/showcase", Form(new Dictionary<string, string> { ["name"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var errors = (await Json(res)).GetProperty("errors");
        foreach (var field in new[] { "name", "type", "domain", "summary", "team", "datasets", "screenshots" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(0, await EntriesOfAsync(userId));
    }

    [Fact]
    public async Task A_JPEG_is_accepted_and_stays_a_JPEG_and_another_users_entry_is_not_found()
    {
        var (dev, _) = await BearerAsync(factory);
        var res = await dev.PostAsync("/api/v1/me/showcase", Form(Fields(await DatasetSlugAsync(factory)), ("screenshots", "shot.jpg", Jpeg())));
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        var id = (await Json(res)).GetProperty("id").GetInt32();
        using (var scope = factory.Services.CreateScope())
            Assert.Equal("image/jpeg", await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ShowcaseImages
                .Where(i => i.RevisionId == scope.ServiceProvider.GetRequiredService<PortalDbContext>().ShowcaseRevisions.Where(r => r.EntryId == id).Max(r => r.Id))
                .Select(i => i.MediaType).SingleAsync());

        var (other, _) = await BearerAsync(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/me/showcase/{id}", Form(Fields(await DatasetSlugAsync(factory), "别人的成果")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/apps/{id}")).StatusCode);
        Assert.DoesNotContain($"\"id\":{id},", await other.GetStringAsync("/api/v1/me/showcase"));
    }

    [Fact]
    public async Task The_link_check_flags_an_address_that_resolves_to_a_private_host_to_the_owner_and_reviewers_only()
    {
        var (dev, userId) = await BearerAsync(factory);
        var id = (await Json(await dev.PostAsync("/api/v1/me/showcase", Form(Fields(await DatasetSlugAsync(factory)), ("screenshots", "a.png", Png()))))).GetProperty("id").GetInt32();
        using (var scope = factory.Services.CreateScope())
        {
            // A public-looking name can still point inside: the check's connection guard refuses it (here a loopback literal stands in).
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.ShowcaseRevisions.Where(r => r.EntryId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Url, "http://127.0.0.1:9/"));
            Assert.True(await scope.ServiceProvider.GetRequiredService<LinkCheckRun>().RunAsync(default) >= 1);
            var entry = await db.ShowcaseEntries.AsNoTracking().SingleAsync(e => e.Id == id);
            Assert.Equal(LinkState.Broken, entry.LinkState);
            Assert.Contains("内网", entry.LinkError);
        }
        Assert.Contains("\"linkState\":\"broken\"", await dev.GetStringAsync("/api/v1/me/showcase"));
        var (reviewer, _) = await BearerAsync(factory, Roles.Reviewer);
        Assert.Contains("访问地址检查失败", await reviewer.GetStringAsync($"/apps/{id}"));
        await reviewer.PostAsync($"/api/v1/admin/showcase/{id}/approve", null);
        Assert.DoesNotContain("访问地址检查失败", await factory.CreateClient().GetStringAsync($"/apps/{id}"));
    }

    [Fact]
    public async Task The_review_queue_counts_pending_entries_for_reviewers_and_pages_twenty_at_a_time()
    {
        var (dev, _) = await BearerAsync(factory);
        var (reviewer, reviewerId) = await BearerAsync(factory, Roles.Reviewer);
        await dev.PostAsync("/api/v1/me/showcase", Form(Fields(await DatasetSlugAsync(factory)), ("screenshots", "a.png", Png())));
        using var scope = factory.Services.CreateScope();
        var queue = scope.ServiceProvider.GetServices<IReviewQueue>().OfType<ShowcaseReviewQueue>().Single();
        var asReviewer = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, reviewerId), new Claim(ClaimTypes.Role, Roles.Reviewer)], "test"));
        var status = await queue.StatusAsync(asReviewer, default);
        Assert.True(status.Count >= 1);
        Assert.Equal("/admin/showcase", status.Href);
        Assert.Equal(0, (await queue.StatusAsync(new ClaimsPrincipal(new ClaimsIdentity()), default)).Count);
        var page = await Json(await reviewer.GetAsync("/api/v1/admin/showcase?page=1"));
        Assert.Equal(20, page.GetProperty("pageSize").GetInt32());
        Assert.Equal(status.Count, page.GetProperty("total").GetInt32());
    }

    private async Task<int> EntriesOfAsync(string userId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ShowcaseEntries.CountAsync(e => e.OwnerId == userId);
    }
}

public sealed class ShowcaseInputTestsSqlite(SqlitePortalFactory f) : ShowcaseInputTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class ShowcaseInputTestsPostgres(PostgresPortalFactory f) : ShowcaseInputTests(f), IClassFixture<PostgresPortalFactory>;
