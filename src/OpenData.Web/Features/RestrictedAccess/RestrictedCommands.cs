using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure.Auditing;
using static OpenData.Web.Features.RestrictedAccess.RestrictedLabels;

namespace OpenData.Web.Features.RestrictedAccess;

/// <summary>
/// The applicant's side: save a draft, submit (or resubmit after 要求补充材料). Everything is checked before anything
/// is written, so a refused application leaves nothing half-submitted.
/// </summary>
public sealed class RestrictedCommands(PortalDbContext db, RestrictedDocuments documents, RestrictedWindow window,
    AgreementAcceptances agreements, Notifier notifier, AuditLog audit, TimeProvider clock)
{
    public async Task<CreatedApplicationResponse> SaveAsync(ClaimsPrincipal user, int? id, RestrictedInput input,
        IReadOnlyList<IncomingDocument> incoming, bool submit, CancellationToken ct = default)
    {
        var userId = DatasetAccess.UserId(user);
        if (user.Identity?.IsAuthenticated != true || userId is null) throw new UnauthorizedAccessException();
        RestrictedApplication app;
        if (id is { } existing)
        {
            app = await db.RestrictedApplications.Include(a => a.Datasets).Include(a => a.Documents)
                .FirstOrDefaultAsync(a => a.Id == existing && a.UserId == userId, ct) ?? throw new KeyNotFoundException();
            if (app.Status is not (RestrictedStatus.Draft or RestrictedStatus.MoreInfo))
                throw new RestrictedValidationException("status", "该申请已提交审核，不能再修改。");
        }
        else app = new RestrictedApplication { UserId = userId, Status = RestrictedStatus.Draft, CreatedAt = clock.GetUtcNow() };

        var status = await window.StatusAsync(ct);
        var datasets = await DatasetsAsync(input.Datasets, ct);
        var apps = await AppsAsync(userId, input.Apps, ct);
        if (input.PeriodMonths < 0 || input.PeriodMonths > status.MaxMonths)
            throw new RestrictedValidationException("periodMonths", $"使用期限最长 {status.MaxMonths} 个月。");
        var checkedDocs = await documents.CheckAsync(incoming, ct);
        if (submit)
        {
            // A resubmission after 要求补充材料 is part of a review already under way, so the window does not apply.
            if (app.Status == RestrictedStatus.Draft && !status.IsOpen) throw new RestrictedValidationException("window", status.Closed);
            if (datasets.Count == 0) throw new RestrictedValidationException("datasets", "请至少选择一个有条件开放数据集。");
            Require("purpose", input.Purpose, 10, "申请用途");
            Require("scenario", input.Scenario, 5, "使用场景");
            Require("fields", input.Fields, 1, "所需数据项");
            var fields = await GrantedFields.OfDatasetsAsync(db, datasets.Select(d => d.Id).ToList(), ct);
            if (GrantedFields.Problem(input.Fields, datasets.Select(d => (d.Title, fields[d.Id])).ToList()) is { } fieldProblem)
                throw new RestrictedValidationException("fields", fieldProblem);
            Require("securityMeasures", input.SecurityMeasures, 10, "安全保障措施");
            if (input.PeriodMonths < 1) throw new RestrictedValidationException("periodMonths", $"请填写使用期限（1 到 {status.MaxMonths} 个月）。");
            var missing = DocumentKinds.Required.Where(k => !checkedDocs.Any(d => d.Kind == k) && !app.Documents.Any(d => d.Kind == k)).ToList();
            if (missing.Count > 0)
                throw new RestrictedValidationException(missing[0], "缺少必需的材料：" + string.Join("、", missing.Select(DocumentKinds.Label)) + "。");
            if (!input.AcceptAgreement) throw new RestrictedValidationException("acceptAgreement", "请阅读并同意《有条件开放数据使用协议》。");
        }

        var now = clock.GetUtcNow();
        app.Purpose = Clip(input.Purpose); app.Scenario = Clip(input.Scenario); app.Fields = Clip(input.Fields);
        app.SecurityMeasures = Clip(input.SecurityMeasures); app.PeriodMonths = input.PeriodMonths;
        app.AppIds = AppIdList.Format(apps);
        app.DepartmentId = datasets.FirstOrDefault()?.DepartmentId;
        app.Datasets.RemoveAll(d => !datasets.Any(x => x.Id == d.DatasetId));
        foreach (var d in datasets.Where(d => !app.Datasets.Any(x => x.DatasetId == d.Id)))
            app.Datasets.Add(new RestrictedApplicationDataset { DatasetId = d.Id });
        await documents.AttachAsync(app, checkedDocs, ct);
        app.UpdatedAt = now;
        var resubmit = app.Status == RestrictedStatus.MoreInfo;
        if (submit)
        {
            var agreement = await agreements.CurrentAsync(AgreementKinds.Restricted, ct);
            app.AgreementVersion = agreement.Version;
            app.Status = resubmit ? app.ReturnTo ?? RestrictedStatus.DepartmentReview : RestrictedStatus.DepartmentReview;
            app.ReturnTo = null;
            app.SubmittedAt ??= now;
            app.Steps.Add(new RestrictedStep { Stage = Stages.Applicant, Action = resubmit ? Actions.Resubmitted : Actions.Submitted, ActorId = userId, At = now });
        }
        if (app.Id == 0) db.RestrictedApplications.Add(app);
        await db.SaveChangesAsync(ct);
        if (!submit) return new(app.Id, Code(app.Status), "草稿已保存，可随时回来继续填写。");

        await agreements.AcceptAsync(userId, AgreementKinds.Restricted, app.AgreementVersion!, ct);
        await audit.WriteAsync(RestrictedAudit.Submitted, $"restricted-application:{app.Id}",
            string.Join("、", datasets.Select(d => d.Title)), ct: ct);
        var titles = string.Join("、", datasets.Select(d => d.Title));
        await notifier.NotifyAsync(userId, "受限数据申请", resubmit ? "受限数据申请已重新提交" : "受限数据申请已提交",
            $"您申请的“{titles}”已提交，{Label(app.Status)}。每一步审核结果都会通过站内消息通知您。", $"/me/restricted-applications/{app.Id}", ct);
        return new(app.Id, Code(app.Status), "申请已提交，请等待审核。");
    }

    private async Task<List<Dataset>> DatasetsAsync(IReadOnlyList<string> slugs, CancellationToken ct)
    {
        var wanted = slugs.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        if (wanted.Count > 20) throw new RestrictedValidationException("datasets", "一次申请最多 20 个数据集。");
        var found = await db.Datasets.AsNoTracking().Where(d => wanted.Contains(d.Slug) && d.IsPublished).ToListAsync(ct);
        foreach (var slug in wanted.Where(s => !found.Any(d => d.Slug == s)))
            throw new RestrictedValidationException("datasets", $"数据集“{slug}”不存在或尚未发布。");
        foreach (var d in found.Where(d => d.OpenCondition != OpenCondition.Restricted))
            throw new RestrictedValidationException("datasets", $"数据集“{d.Title}”为无条件开放数据，可直接下载和调用，无需申请。");
        if (found.Select(d => d.DepartmentId).Distinct().Count() > 1)
            throw new RestrictedValidationException("datasets", "一份申请中的数据集须属于同一提供部门，不同部门的数据请分别申请。");
        return found;
    }

    private async Task<List<int>> AppsAsync(string userId, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var wanted = ids.Where(i => i > 0).Distinct().ToList();
        var own = await db.DeveloperApps.AsNoTracking().Where(a => a.UserId == userId && wanted.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        if (own.Count != wanted.Count) throw new RestrictedValidationException("apps", "只能指定自己名下的开发者应用。");
        return own;
    }

    private static void Require(string field, string value, int min, string label)
    {
        var n = value.Trim().Length;
        if (n < min) throw new RestrictedValidationException(field, min > 1 ? $"请填写{label}（至少 {min} 个字）。" : $"请填写{label}。");
        if (n > 2000) throw new RestrictedValidationException(field, $"{label}不能超过 2000 个字。");
    }

    private static string Clip(string s) => s.Trim() is var t && t.Length > 2000 ? t[..2000] : s.Trim();
}
