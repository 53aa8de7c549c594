using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.RestrictedAccess;

/// <summary>Applications a reviewer must decide (the second step).</summary>
public sealed class PlatformRestrictedQueue(PortalDbContext db) : IReviewQueue
{
    public async Task<ReviewQueueStatus> StatusAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var q = db.RestrictedApplications.Where(a => a.Status == RestrictedStatus.PlatformReview);
        return new ReviewQueueStatus("restricted-platform", "受限数据申请（平台复核）", "/restricted/review", await q.CountAsync(ct),
            await q.OrderBy(a => a.SubmittedAt).Select(a => a.SubmittedAt).FirstOrDefaultAsync(ct), 15);
    }
}

/// <summary>Applications still with the providing departments (the first step), so the platform can chase them.</summary>
public sealed class DepartmentRestrictedQueue(PortalDbContext db) : IReviewQueue
{
    public async Task<ReviewQueueStatus> StatusAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var q = db.RestrictedApplications.Where(a => a.Status == RestrictedStatus.DepartmentReview);
        return new ReviewQueueStatus("restricted-department", "受限数据申请（待提供部门审核）", "/restricted/review?all=1", await q.CountAsync(ct),
            await q.OrderBy(a => a.SubmittedAt).Select(a => a.SubmittedAt).FirstOrDefaultAsync(ct), 16);
    }
}
