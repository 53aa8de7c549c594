using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Admin.Dashboard;

public sealed record CountFigure(string Label, int Value, string Unit, string? Href);

public sealed record DashboardView(IReadOnlyList<ReviewQueueStatus> Queues, IReadOnlyList<CountFigure> Platform, IReadOnlyList<CountFigure> Today);

/// <summary>
/// The back-office home: every registered review queue with its count and oldest item (no placeholders for
/// queues whose feature does not exist), the platform's counts and today's activity.
/// </summary>
public sealed class DashboardQueries(PortalDbContext db, IEnumerable<IReviewQueue> queues, IEnumerable<IPlatformCounter> counters, TimeProvider clock)
{
    public async Task<DashboardView?> LoadAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!BackOfficeAccess.IsAdmin(user) && !BackOfficeAccess.IsReviewer(user) && !BackOfficeAccess.IsAuditor(user)) return null;
        var statuses = new List<ReviewQueueStatus>();
        // One after another: the queues share this request's DbContext.
        foreach (var q in queues) statuses.Add(await q.StatusAsync(user, ct));
        var platform = new List<CountFigure>();
        foreach (var c in counters.OrderBy(c => c.Order)) platform.Add(new(c.Label, await c.CountAsync(ct), c.Unit, c.Href));
        platform.Add(new("注册用户", await db.Users.CountAsync(ct), "人", BackOfficeAccess.IsAdmin(user) ? "/admin/users" : null));

        var start = new DateTimeOffset(ChinaTime.Today(clock).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime(); // Npgsql writes only UTC offsets
        var today = new List<CountFigure>
        {
            new("登录", await db.AuditEntries.CountAsync(a => a.At >= start && a.Action == AuditActions.SignIn, ct), "次", null),
            new("登录失败", await db.AuditEntries.CountAsync(a => a.At >= start && a.Action == AuditActions.SignInFailed, ct), "次", null),
            new("新注册", await db.AuditEntries.CountAsync(a => a.At >= start && a.Action == AuditActions.Register, ct), "人", null),
            new("下载", await db.DownloadEvents.CountAsync(e => e.At >= start, ct), "次", null),
            new("数据集更新", await db.Datasets.CountAsync(d => d.UpdatedAt >= start, ct), "个", null),
        };
        return new DashboardView(statuses.OrderBy(s => s.Order).ToList(), platform, today);
    }
}
