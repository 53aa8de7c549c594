using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Interaction;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.IntegrationTests.Features.Interaction;

/// <summary>The provider workbench merges three kinds by age; its pages must still hold every item exactly once, in order.</summary>
public abstract class WorkbenchPagingTests(PortalFactory factory)
{
    [Fact]
    public async Task Every_waiting_item_of_the_department_is_on_exactly_one_page_oldest_first()
    {
        var dept = "t" + Guid.NewGuid().ToString("N")[..8];
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            // Interleaved ages: reports at even hours, comments at odd hours.
            db.ErrorReports.AddRange(Enumerable.Range(0, 25).Select(i => new ErrorReport
            {
                ItemKind = "dataset", ItemKey = "x", ItemTitle = $"数据集{i}", DepartmentCode = dept, UserId = "u", Type = ErrorReportType.DataError,
                Description = $"纠错{i}", Status = ErrorReportStatus.Pending, CreatedAt = start.AddHours(2 * i), UpdatedAt = start.AddHours(2 * i),
            }));
            db.Comments.AddRange(Enumerable.Range(0, 10).Select(i => new Comment
            {
                ItemKind = "dataset", ItemKey = "x", DepartmentCode = dept, UserId = "u", UserName = "用户", Body = $"评论{i}",
                Status = CommentStatus.Visible, CreatedAt = start.AddHours(2 * i + 1),
            }));
            await db.SaveChangesAsync();
        }
        var provider = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Provider), new Claim(PortalClaims.DepartmentCode, dept)], "test"));
        var seen = new List<WorkItem>();
        using (var scope = factory.Services.CreateScope())
        {
            var bench = scope.ServiceProvider.GetRequiredService<Workbench>();
            var first = (await bench.PendingAsync(provider, 1))!;
            Assert.Equal(35, first.Total);
            Assert.Equal(2, first.Pages);
            Assert.Equal(20, first.Items.Count);
            seen.AddRange(first.Items);
            var second = (await bench.PendingAsync(provider, 2))!;
            Assert.Equal(15, second.Items.Count);
            seen.AddRange(second.Items);
            Assert.Equal(2, (await bench.PendingAsync(provider, 99))!.Page); // past the end: the last page
        }
        Assert.Equal(35, seen.Select(i => (i.Kind, i.Id)).Distinct().Count());
        Assert.Equal(seen.OrderBy(i => i.Since).Select(i => i.Since), seen.Select(i => i.Since));
        Assert.Equal(10, seen.Count(i => i.Kind == "评论"));
    }
}

public sealed class WorkbenchPagingTestsSqlite(SqlitePortalFactory f) : WorkbenchPagingTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class WorkbenchPagingTestsPostgres(PostgresPortalFactory f) : WorkbenchPagingTests(f), IClassFixture<PostgresPortalFactory>;
