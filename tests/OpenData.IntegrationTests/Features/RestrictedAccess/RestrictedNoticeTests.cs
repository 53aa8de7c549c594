using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data.Entities;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;

namespace OpenData.IntegrationTests.Features.RestrictedAccess;

/// <summary>The administrator's windows notice (a 政策动态 article) is linked where users apply: the form and the ledger.</summary>
public abstract class RestrictedNoticeTests(PortalFactory factory)
{
    [Fact]
    public async Task The_newest_published_windows_notice_is_linked_from_the_form_and_the_ledger_but_not_a_scheduled_one()
    {
        var now = factory.Service<TimeProvider>().GetUtcNow();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (published, scheduled) = await WithDbAsync(factory, async db =>
        {
            NewsArticle Article(string title, DateTimeOffset at) => new()
            {
                Title = title, Category = NewsCategory.Policy, Summary = "窗口期", Body = "窗口期", Source = "丽水市大数据发展管理局",
                IsPublished = true, PublishAt = at, AuthorName = "管理员", CreatedAt = now, UpdatedAt = now,
            };
            var a = Article($"关于下半年受限数据申请窗口期的通知{tag}", now.AddMinutes(-1));
            var b = Article($"关于明年受限数据申请窗口期的通知{tag}", now.AddDays(3));
            db.NewsArticles.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        var ledger = await factory.CreateClient().GetStringAsync("/restricted/ledger");
        Assert.Contains($"href=\"/news/{published}\"", ledger);
        Assert.Contains("窗口期通知", ledger);
        Assert.DoesNotContain($"href=\"/news/{scheduled}\"", ledger);

        var (user, _) = await SignedInAsync(factory);
        var form = await user.GetStringAsync("/me/restricted-applications/new");
        Assert.Contains($"href=\"/news/{published}\"", form);
        // The settings' notice text is still shown beside it as the fallback.
        Assert.Contains("restricted-window", form);
    }
}

public sealed class RestrictedNoticeTestsSqlite(RestrictedSqliteFactory f) : RestrictedNoticeTests(f), IClassFixture<RestrictedSqliteFactory>;
public sealed class RestrictedNoticeTestsPostgres(RestrictedPostgresFactory f) : RestrictedNoticeTests(f), IClassFixture<RestrictedPostgresFactory>;
