using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure.Auditing;
using static OpenData.Web.Features.RestrictedAccess.RestrictedLabels;

namespace OpenData.Web.Features.RestrictedAccess;

public enum Decision { Approve, Reject, MoreInfo }

/// <summary>
/// The two review steps (the providing department, then a platform reviewer), the grant on final approval and
/// its revocation. Each step is recorded with its time and told to the applicant by 站内消息.
/// </summary>
public sealed class RestrictedReview(PortalDbContext db, GrantCache grants, Notifier notifier, AuditLog audit, TimeProvider clock)
{
    /// <summary>False when the application is not waiting for this user's step (the caller answers 404 or 409).</summary>
    public async Task<bool> DecideAsync(ClaimsPrincipal user, int id, Decision decision, string? reason, CancellationToken ct = default)
    {
        reason = (reason ?? "").Trim();
        if (decision != Decision.Approve && reason.Length < 2)
            throw new RestrictedValidationException("reason", decision == Decision.Reject ? "驳回时请填写理由。" : "请说明需要补充的材料或内容。");
        if (reason.Length > 1000) throw new RestrictedValidationException("reason", "意见不能超过 1000 个字。");
        var app = await db.RestrictedApplications.Include(a => a.Department).Include(a => a.Datasets).ThenInclude(d => d.Dataset)
            .FirstOrDefaultAsync(a => a.Id == id, ct);
        if (app is null) return false;
        var stage = app.Status switch
        {
            RestrictedStatus.DepartmentReview when RestrictedAccessRules.IsDepartment(user, app.Department?.Code) => Stages.Department,
            RestrictedStatus.PlatformReview when RestrictedAccessRules.IsReviewer(user) => Stages.Platform,
            _ => null,
        };
        if (stage is null) return false;
        var now = clock.GetUtcNow();
        var action = decision switch { Decision.Approve => Actions.Approved, Decision.Reject => Actions.Rejected, _ => Actions.MoreInfo };
        app.Steps.Add(new RestrictedStep { Stage = stage, Action = action, Reason = reason.Length == 0 ? null : reason, ActorId = DatasetAccess.UserId(user), At = now });
        switch (decision)
        {
            case Decision.Approve when stage == Stages.Department:
                app.Status = RestrictedStatus.PlatformReview;
                break;
            case Decision.Approve:
                app.Status = RestrictedStatus.Approved;
                app.DecidedAt = now;
                await IssueGrantsAsync(app, now, ct);
                break;
            case Decision.Reject:
                app.Status = RestrictedStatus.Rejected;
                app.DecidedAt = now;
                break;
            default:
                app.ReturnTo = app.Status;
                app.Status = RestrictedStatus.MoreInfo;
                break;
        }
        await db.SaveChangesAsync(ct);
        if (app.Status == RestrictedStatus.Approved) grants.Invalidate();
        await audit.WriteAsync(RestrictedAudit.Decided, $"restricted-application:{id}", $"{Stage(stage)} {Action(action)} {reason}", ct: ct);
        var titles = string.Join("、", app.Datasets.Select(d => d.Dataset!.Title));
        var body = app.Status switch
        {
            RestrictedStatus.PlatformReview => $"提供部门已审核通过您对“{titles}”的申请，现进入平台复核。",
            RestrictedStatus.Approved => $"您对“{titles}”的申请已获批准，授权有效期 {app.PeriodMonths} 个月，可在个人中心查看授权并下载、预览、调用接口。",
            RestrictedStatus.Rejected => $"您对“{titles}”的申请未获通过（{Stage(stage)}）。理由：{reason}",
            _ => $"{Stage(stage)}要求补充材料：{reason}。请在个人中心补充后重新提交。",
        };
        await notifier.NotifyAsync(app.UserId, "受限数据申请", $"受限数据申请：{Label(app.Status)}", body, $"/me/restricted-applications/{id}", ct);
        return true;
    }

    /// <summary>
    /// One grant per dataset until the period ends; the named apps also get approved API applications for the
    /// datasets' data APIs, so quota and call log work as for any API; the gateway still checks the grant itself.
    /// </summary>
    private async Task IssueGrantsAsync(RestrictedApplication app, DateTimeOffset now, CancellationToken ct)
    {
        var expires = now.AddMonths(app.PeriodMonths);
        var appIds = AppIdList.Parse(app.AppIds);
        var fields = await GrantedFields.OfDatasetsAsync(db, app.Datasets.Select(d => d.DatasetId).ToList(), ct);
        foreach (var d in app.Datasets)
            db.RestrictedGrants.Add(new RestrictedGrant
            {
                ApplicationId = app.Id, UserId = app.UserId, DatasetId = d.DatasetId, AppIds = app.AppIds,
                Fields = GrantedFields.ForDataset(app.Fields, fields[d.DatasetId]), StartsAt = now, ExpiresAt = expires,
            });
        if (appIds.Count == 0) return;
        var datasetIds = app.Datasets.Select(d => d.DatasetId).ToList();
        var codes = await db.Resources.Where(r => datasetIds.Contains(r.DatasetId) && r.ApiCode != "").Select(r => r.ApiCode).ToListAsync(ct);
        var existing = await db.ApiApplications.Where(a => appIds.Contains(a.AppId) && codes.Contains(a.ApiCode)).ToListAsync(ct);
        foreach (var appId in appIds)
            foreach (var code in codes)
            {
                if (existing.FirstOrDefault(a => a.AppId == appId && a.ApiCode == code) is { } old)
                {
                    old.Status = ApiApplicationStatus.Approved;
                    old.ReviewedAt = now;
                    continue;
                }
                db.ApiApplications.Add(new ApiApplication
                {
                    AppId = appId, UserId = app.UserId, ApiCode = code, Category = "受限数据授权", Reason = $"受限数据申请 #{app.Id} 获批",
                    AgreementAcceptedAt = now, Status = ApiApplicationStatus.Approved, ReviewedAt = now, CreatedAt = now,
                });
            }
    }

    /// <summary>Revokes every grant of an application at once (reviewers, or the providing department).</summary>
    public async Task<bool> RevokeAsync(ClaimsPrincipal user, int applicationId, string? reason, CancellationToken ct = default)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length < 2) throw new RestrictedValidationException("reason", "撤销授权时请填写理由。");
        var app = await db.RestrictedApplications.Include(a => a.Department).FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (app is null || app.Status != RestrictedStatus.Approved) return false;
        var isDept = RestrictedAccessRules.IsDepartment(user, app.Department?.Code);
        if (!isDept && !RestrictedAccessRules.IsReviewer(user)) return false;
        var now = clock.GetUtcNow();
        var rows = await db.RestrictedGrants.Where(g => g.ApplicationId == applicationId && g.RevokedAt == null).ToListAsync(ct);
        if (rows.Count == 0) return false;
        foreach (var g in rows) { g.RevokedAt = now; g.RevokedReason = Clip(reason); }
        app.Steps.Add(new RestrictedStep { Stage = isDept ? Stages.Department : Stages.Platform, Action = Actions.Revoked, Reason = Clip(reason),
            ActorId = DatasetAccess.UserId(user), At = now });
        await db.SaveChangesAsync(ct);
        grants.Invalidate();
        await audit.WriteAsync(RestrictedAudit.Revoked, $"restricted-application:{applicationId}", reason, ct: ct);
        await notifier.NotifyAsync(app.UserId, "受限数据申请", "受限数据授权已撤销", $"您的受限数据申请 #{applicationId} 的授权已被撤销。理由：{reason}",
            $"/me/restricted-applications/{applicationId}", ct);
        return true;
    }

    private static string Clip(string s) => s.Length <= 1000 ? s : s[..1000];
}
