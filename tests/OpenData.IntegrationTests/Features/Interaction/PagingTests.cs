using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data.Entities;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Interaction.InteractionKit;

namespace OpenData.IntegrationTests.Features.Interaction;

/// <summary>Lists that grow are paged on the server (20 a page): page 2 shows the 21st item and the links keep the filters.</summary>
public abstract class PagingTests(PortalFactory factory)
{
    /// <summary>21 numbered rows, No01 the oldest: newest first, No01 is the 21st, alone on page 2.</summary>
    private static IEnumerable<(string Label, DateTimeOffset At)> TwentyOne(string prefix)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        return Enumerable.Range(1, 21).Select(i => ($"{prefix}-No{i.ToString("00", CultureInfo.InvariantCulture)}-", start.AddMinutes(i)));
    }

    private static void AssertSecondPage(string page1, string page2, string prefix)
    {
        Assert.Contains($"{prefix}-No01-", page2);
        Assert.DoesNotContain($"{prefix}-No02-", page2);
        Assert.Contains($"{prefix}-No02-", page1);
        Assert.DoesNotContain($"{prefix}-No01-", page1);
        Assert.Contains("aria-current=\"page\" aria-label=\"第 2 页\"", page2);
    }

    [Fact]
    public async Task Data_requests_are_paged_and_the_page_links_keep_the_filters()
    {
        var (_, user) = await SignedInAsync(factory);
        await WithDbAsync(factory, async db =>
        {
            db.DataRequests.AddRange(TwentyOne("请求").Select(x => new DataRequest
            {
                UserId = user.Id, UserName = user.UserName!, Title = x.Label, Description = "d", Purpose = "p", DepartmentCode = Dept,
                Status = DataRequestStatus.Pending, CreatedAt = x.At,
            }));
            return await db.SaveChangesAsync();
        });
        var client = factory.CreateClient();
        var page1 = await client.GetStringAsync($"/interact/requests?status=Pending&org={Dept}");
        Assert.Contains($"href=\"/interact/requests?status=Pending&amp;org={Dept}&amp;page=2\"", page1);
        var page2 = await client.GetStringAsync($"/interact/requests?status=Pending&org={Dept}&page=2");
        AssertSecondPage(page1, page2, "请求");
        Assert.Contains("（共 21 条）", page2);
    }

    [Fact]
    public async Task Comments_and_the_correction_log_of_an_item_are_paged_each_with_its_own_parameter()
    {
        var slug = await PublishedDatasetAsync(factory);
        var (_, user) = await SignedInAsync(factory);
        await WithDbAsync(factory, async db =>
        {
            db.Comments.AddRange(TwentyOne("评论").Select(x => new Comment
            {
                ItemKind = "dataset", ItemKey = slug, DepartmentCode = Dept, UserId = user.Id, UserName = user.UserName!, Body = x.Label,
                Status = CommentStatus.Visible, CreatedAt = x.At,
            }));
            db.ErrorReports.AddRange(TwentyOne("纠错").Select(x => new ErrorReport
            {
                ItemKind = "dataset", ItemKey = slug, ItemTitle = "t", DepartmentCode = Dept, UserId = user.Id, Type = ErrorReportType.Other,
                Description = x.Label, Status = ErrorReportStatus.Pending, CreatedAt = x.At, UpdatedAt = x.At,
            }));
            return await db.SaveChangesAsync();
        });
        var client = factory.CreateClient();
        var page1 = await client.GetStringAsync($"/datasets/{slug}");
        Assert.Contains($"href=\"/datasets/{slug}?cpage=2#comments\"", page1);
        Assert.Contains($"href=\"/datasets/{slug}?lpage=2#corrections\"", page1);
        var comments2 = await client.GetStringAsync($"/datasets/{slug}?cpage=2");
        AssertSecondPage(page1, comments2, "评论");
        Assert.Contains("纠错-No21-", comments2); // the other list stays on its first page
        Assert.Contains("（21 条）", comments2);
        var both2 = await client.GetStringAsync($"/datasets/{slug}?cpage=2&lpage=2");
        AssertSecondPage(page1, both2, "纠错");
        Assert.Contains($"href=\"/datasets/{slug}?cpage=2#corrections\"", both2); // page 1 of the log keeps the comments' page
    }

    [Fact]
    public async Task Feedback_favorites_and_subscriptions_are_paged()
    {
        var (client, user) = await SignedInAsync(factory);
        var datasets = await WithDbAsync(factory, db => db.Datasets.Where(d => d.IsPublished).OrderBy(d => d.Id).Select(d => new { d.Id, d.Slug }).Take(21).ToListAsync());
        Assert.Equal(21, datasets.Count);
        await WithDbAsync(factory, async db =>
        {
            db.Feedbacks.AddRange(TwentyOne("建议").Select(x => new Feedback { UserId = user.Id, UserName = user.UserName!, Title = x.Label, Body = "b", CreatedAt = x.At }));
            db.Favorites.AddRange(TwentyOne("收藏").Select(x => new Favorite { UserId = user.Id, ItemKind = "dataset", ItemKey = x.Label, CreatedAt = x.At }));
            db.Subscriptions.AddRange(TwentyOne("订阅").Select((x, i) => new Subscription { UserId = user.Id, DatasetId = datasets[i].Id, CreatedAt = x.At }));
            return await db.SaveChangesAsync();
        });
        AssertSecondPage(await client.GetStringAsync("/interact/feedback"), await client.GetStringAsync("/interact/feedback?page=2"), "建议");
        AssertSecondPage(await client.GetStringAsync("/me/favorites"), await client.GetStringAsync("/me/favorites?page=2"), "收藏");

        var subs1 = await client.GetStringAsync("/me/subscriptions");
        var subs2 = await client.GetStringAsync("/me/subscriptions?page=2");
        Assert.Contains("（21 个数据集）", subs2);
        Assert.Contains($"href=\"/datasets/{datasets[0].Slug}\"", subs2); // subscribed first: the 21st, newest first
        Assert.DoesNotContain($"href=\"/datasets/{datasets[0].Slug}\"", subs1);
        Assert.Contains($"href=\"/datasets/{datasets[1].Slug}\"", subs1);
        Assert.Contains("aria-current=\"page\" aria-label=\"第 2 页\"", subs2);
    }
}

public sealed class PagingTestsSqlite(SqlitePortalFactory f) : PagingTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class PagingTestsPostgres(PostgresPortalFactory f) : PagingTests(f), IClassFixture<PostgresPortalFactory>;
