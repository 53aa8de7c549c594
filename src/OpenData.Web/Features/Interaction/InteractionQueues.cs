using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Interaction;

/// <summary>Comments held by the sensitive-word list, for administrators.</summary>
public sealed class HeldCommentsQueue(PortalDbContext db) : IReviewQueue
{
    public async Task<ReviewQueueStatus> StatusAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var q = db.Comments.Where(c => c.Status == CommentStatus.Held);
        return new ReviewQueueStatus("held-comments", "待审核评论", "/admin/interaction/comments", await q.CountAsync(ct),
            await q.OrderBy(c => c.CreatedAt).Select(c => (DateTimeOffset?)c.CreatedAt).FirstOrDefaultAsync(ct), 40);
    }
}

/// <summary>
/// Data requests and error reports past their reply target (the interaction.replyTargetDays setting, default 7 calendar days,
/// about 5 working days): the platform chases the departments that have not answered.
/// </summary>
public sealed class OverdueRequestsQueue(PortalDbContext db, InteractionSettings settings, TimeProvider clock) : IReviewQueue
{
    public async Task<ReviewQueueStatus> StatusAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var due = clock.GetUtcNow().AddDays(-await settings.ReplyTargetDaysAsync(ct));
        var q = db.DataRequests.Where(r => r.Status == DataRequestStatus.Pending && r.CreatedAt < due);
        return new ReviewQueueStatus("overdue-data-requests", "逾期未答复的数据请求", "/interact/requests?status=Pending", await q.CountAsync(ct),
            await q.OrderBy(r => r.CreatedAt).Select(r => (DateTimeOffset?)r.CreatedAt).FirstOrDefaultAsync(ct), 41);
    }
}

public sealed class OverdueErrorReportsQueue(PortalDbContext db, InteractionSettings settings, TimeProvider clock) : IReviewQueue
{
    public async Task<ReviewQueueStatus> StatusAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var due = clock.GetUtcNow().AddDays(-await settings.ReplyTargetDaysAsync(ct));
        var q = db.ErrorReports.Where(r => (r.Status == ErrorReportStatus.Pending || r.Status == ErrorReportStatus.InProgress) && r.CreatedAt < due);
        return new ReviewQueueStatus("overdue-error-reports", "逾期未处理的纠错", "/interact/workbench", await q.CountAsync(ct),
            await q.OrderBy(r => r.CreatedAt).Select(r => (DateTimeOffset?)r.CreatedAt).FirstOrDefaultAsync(ct), 42);
    }
}
