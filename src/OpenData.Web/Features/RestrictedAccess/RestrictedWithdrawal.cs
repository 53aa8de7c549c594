using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Auth;
using static OpenData.Web.Features.RestrictedAccess.RestrictedLabels;

namespace OpenData.Web.Features.RestrictedAccess;

/// <summary>
/// The applicant withdraws an application before it is decided (a draft, under review or waiting for more
/// material). The reviewers who have it in a queue, or have already passed it on, are told by 站内消息 so
/// nobody keeps working on it; the withdrawal is in the audit log and the application's history.
/// </summary>
public sealed class RestrictedWithdrawal(PortalDbContext db, Notifier notifier, AuditLog audit, TimeProvider clock)
{
    public static bool CanWithdraw(RestrictedStatus s) =>
        s is RestrictedStatus.Draft or RestrictedStatus.DepartmentReview or RestrictedStatus.PlatformReview or RestrictedStatus.MoreInfo;

    /// <summary>False when the application is not the user's (the caller answers 404).</summary>
    public async Task<bool> WithdrawAsync(ClaimsPrincipal user, int id, string? reason, CancellationToken ct = default)
    {
        var userId = DatasetAccess.UserId(user) ?? throw new UnauthorizedAccessException();
        reason = (reason ?? "").Trim();
        if (reason.Length > 1000) throw new RestrictedValidationException("reason", "撤回理由不能超过 1000 个字。");
        var app = await db.RestrictedApplications.Include(a => a.Datasets).ThenInclude(d => d.Dataset)
            .FirstOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct);
        if (app is null) return false;
        if (!CanWithdraw(app.Status))
            throw new RestrictedValidationException("status", $"该申请{Label(app.Status)}，已有审核结论，不能撤回。");
        // Who has seen it: the department from submission on, the platform reviewers once it reached their step.
        var before = app.Status == RestrictedStatus.MoreInfo ? app.ReturnTo ?? RestrictedStatus.DepartmentReview : app.Status;
        var now = clock.GetUtcNow();
        app.Status = RestrictedStatus.Withdrawn;
        app.ReturnTo = null;
        app.UpdatedAt = now;
        app.Steps.Add(new RestrictedStep { Stage = Stages.Applicant, Action = Actions.Withdrawn, Reason = reason.Length == 0 ? null : reason, ActorId = userId, At = now });
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(RestrictedAudit.Withdrawn, $"restricted-application:{id}", reason, ct: ct);

        var titles = string.Join("、", app.Datasets.Select(d => d.Dataset!.Title));
        var body = $"申请人已撤回受限数据申请 #{id}（{titles}），无需继续审核。" + (reason.Length > 0 ? $"理由：{reason}" : "");
        foreach (var reviewer in await ConcernedAsync(app.DepartmentId, before, ct))
            await notifier.NotifyAsync(reviewer, "受限数据申请", $"受限数据申请 #{id} 已撤回", body, $"/restricted/review/{id}", ct);
        return true;
    }

    private async Task<List<string>> ConcernedAsync(int? departmentId, RestrictedStatus before, CancellationToken ct)
    {
        if (before == RestrictedStatus.Draft) return [];
        var roles = before == RestrictedStatus.PlatformReview ? new[] { Roles.Provider, Roles.Reviewer } : [Roles.Provider];
        var roleIds = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        var provider = roleIds.Where(r => r.Name == Roles.Provider).Select(r => r.Id).ToList();
        var reviewer = roleIds.Where(r => r.Name == Roles.Reviewer).Select(r => r.Id).ToList();
        return await db.Users.Where(u =>
                (u.DepartmentId == departmentId && db.UserRoles.Any(ur => ur.UserId == u.Id && provider.Contains(ur.RoleId)))
                || db.UserRoles.Any(ur => ur.UserId == u.Id && reviewer.Contains(ur.RoleId)))
            .Select(u => u.Id).ToListAsync(ct);
    }
}
