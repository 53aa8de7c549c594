using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Web;
using static OpenData.IntegrationTests.Features.Admin.BackOfficeKit;

namespace OpenData.IntegrationTests.Features.Admin;

public abstract class DashboardTests(PortalFactory factory)
{
    /// <summary>A queue as a feature would register one: three items, the oldest two days old.</summary>
    private sealed class TestQueue : IReviewQueue
    {
        public static readonly DateTimeOffset Oldest = DateTimeOffset.UtcNow.AddDays(-2).AddHours(-1);
        public Task<ReviewQueueStatus> StatusAsync(ClaimsPrincipal user, CancellationToken ct) =>
            Task.FromResult(new ReviewQueueStatus("test-queue", "测试审核队列", "/admin/test-queue", 3, Oldest, 10));
    }

    [Fact]
    public async Task Without_registered_queues_the_dashboard_shows_no_placeholder_queues()
    {
        // Every feature with a queue has landed, so the empty state is checked on a host without them.
        using var withoutQueues = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.RemoveAll<IReviewQueue>()));
        var (admin, _) = await BackOfficeClientAsync(factory,
            () => withoutQueues.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), Roles.Admin);
        var page = await admin.GetStringAsync("/admin");
        Assert.Contains("id=\"no-queues\"", page);
        Assert.DoesNotContain("data-queue=", page);
        Assert.Contains("平台概况", page);
        Assert.Contains("今日动态", page);
    }

    [Fact]
    public async Task A_registered_queue_appears_with_its_count_oldest_age_and_link()
    {
        using var withQueue = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<IReviewQueue, TestQueue>()));
        var (reviewer, _) = await BackOfficeClientAsync(factory,
            () => withQueue.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), Roles.Reviewer);
        var page = await reviewer.GetStringAsync("/admin");
        Assert.Contains("data-queue=\"test-queue\"", page);
        Assert.Contains("href=\"/admin/test-queue\"", page);
        Assert.Contains("测试审核队列", page);
        Assert.Contains("3 <span class=\"small\">件待处理</span>", page);
        Assert.Contains("2 天前", page);
        // A reviewer's menu has no user or settings sections (三权分立).
        Assert.DoesNotContain("href=\"/admin/users\"", page);
        Assert.DoesNotContain("href=\"/admin/audit\"", page);
    }
}

public sealed class DashboardTestsSqlite(SqlitePortalFactory f) : DashboardTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class DashboardTestsPostgres(PostgresPortalFactory f) : DashboardTests(f), IClassFixture<PostgresPortalFactory>;
