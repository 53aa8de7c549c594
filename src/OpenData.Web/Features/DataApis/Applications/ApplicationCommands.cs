using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.DataApis.Apps;
using OpenData.Web.Features.DataApis.Catalog;
using OpenData.Web.Features.Interaction;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.Web.Features.DataApis.Applications;

/// <summary>The application flow of 2.9.2: apply (owner of the app), review (administrators), notify.</summary>
public sealed class ApplicationCommands(PortalDbContext db, ApiCatalog catalog, Notifier notifier, AuditLog audit, TimeProvider clock,
    Admin.Settings.AgreementAcceptances agreements)
{
    public async Task<ApplicationDto> ApplyAsync(string userId, string userName, ApplyRequest r, CancellationToken ct)
    {
        if (!r.AcceptAgreement) throw new AppValidationException("acceptAgreement", "请阅读并同意《接口服务使用协议》。");
        var app = await db.DeveloperApps.FirstOrDefaultAsync(a => a.Id == r.AppId && a.UserId == userId, ct)
            ?? throw new AppValidationException("appId", "请选择自己的一个应用；还没有应用时请先在个人中心创建。");
        if (app.IsDisabled) throw new AppValidationException("appId", "该应用已停用，请先启用。");
        var api = await catalog.FindAsync(r.ApiCode ?? "", ct) ?? throw new AppValidationException("apiCode", "接口不存在或未发布。");
        // 有条件开放 data is not offered through API applications: access comes with a 受限数据申请 grant, to the apps it names.
        if (await IsRestrictedAsync(api.Code, ct))
            throw new AppValidationException("apiCode", RestrictedApiMessage);
        var category = (r.Category ?? "").Trim();
        if (!ApplicationCategories.All.Contains(category)) throw new AppValidationException("category", "请选择申请需求分类。");
        var reason = (r.Reason ?? "").Trim();
        if (reason.Length is < 5 or > 2000) throw new AppValidationException("reason", "申请理由应为 5 到 2000 个字符。");
        if (await db.ApiApplications.AnyAsync(a => a.AppId == app.Id && a.ApiCode == api.Code && a.Status != ApiApplicationStatus.Rejected, ct))
            throw new AppValidationException("apiCode", "该应用已申请过这个接口（待审核或已通过）。");
        var now = clock.GetUtcNow();
        var row = new ApiApplication
        {
            AppId = app.Id, UserId = userId, ApiCode = api.Code, Category = category, Reason = reason,
            AgreementAcceptedAt = now, Status = ApiApplicationStatus.Pending, CreatedAt = now,
        };
        db.ApiApplications.Add(row);
        await db.SaveChangesAsync(ct);
        // Ticking the box accepts the 接口服务协议 in force; its version is recorded (asked again on every application).
        var agreement = await agreements.CurrentAsync(Admin.Settings.AgreementKinds.Api, ct);
        await agreements.AcceptAsync(userId, agreement.Kind, agreement.Version, ct);
        return (await ListAsync(db.ApiApplications.Where(a => a.Id == row.Id), ct))[0];
    }

    public Task<List<ApplicationDto>> MineAsync(string userId, CancellationToken ct) =>
        ListAsync(db.ApiApplications.Where(a => a.UserId == userId).OrderByDescending(a => a.Id), ct);

    /// <summary>The review queue (reviewers only), a page at a time: pending first, oldest first.</summary>
    public async Task<Paged<ApplicationDto>> QueueAsync(ClaimsPrincipal user, bool pendingOnly, int page, CancellationToken ct)
    {
        Demand(user);
        var q = db.ApiApplications.AsQueryable();
        if (pendingOnly) q = q.Where(a => a.Status == ApiApplicationStatus.Pending);
        var total = await q.CountAsync(ct);
        page = Paging.Clamp(page, total, Paging.DefaultSize);
        var items = await ListAsync(q.OrderBy(a => a.Status).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Skip((page - 1) * Paging.DefaultSize).Take(Paging.DefaultSize), ct);
        return new Paged<ApplicationDto>(items, total, page, Paging.DefaultSize);
    }

    /// <summary>Approves or rejects a pending application and tells the applicant; false when not found or already decided.</summary>
    public async Task<bool> ReviewAsync(ClaimsPrincipal user, int id, bool approve, string? reason, CancellationToken ct)
    {
        Demand(user);
        reason = (reason ?? "").Trim();
        if (!approve && reason.Length < 2) throw new AppValidationException("reason", "驳回时请填写理由。");
        if (reason.Length > 1000) throw new AppValidationException("reason", "理由不能超过 1000 个字符。");
        var row = await db.ApiApplications.Include(a => a.App).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (row is null || row.Status != ApiApplicationStatus.Pending) return false;
        row.Status = approve ? ApiApplicationStatus.Approved : ApiApplicationStatus.Rejected;
        row.ReviewReason = reason.Length == 0 ? null : reason;
        row.ReviewedAt = clock.GetUtcNow();
        row.ReviewedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        await db.SaveChangesAsync(ct);
        var apiName = (await catalog.FindAsync(row.ApiCode, ct))?.Name ?? row.ApiCode;
        await notifier.NotifyAsync(row.UserId, "接口申请",
            approve ? $"接口申请已通过：{apiName}" : $"接口申请被驳回：{apiName}",
            approve ? $"您的应用“{row.App!.Name}”（AppKey {row.App.AppKey}）已获准调用接口“{apiName}”，现在可以用签名请求调用。{reason}"
                : $"您的应用“{row.App!.Name}”申请调用接口“{apiName}”未获通过。理由：{reason}",
            "/me/api-applications", ct);
        await audit.WriteAsync(approve ? DataApiAudit.ApplicationApproved : DataApiAudit.ApplicationRejected,
            $"api-application:{id}", $"{row.ApiCode} app {row.AppId} {reason}", ct: ct);
        return true;
    }

    public const string RestrictedApiMessage =
        "该接口属于有条件开放数据，不接受接口申请：请在个人中心提交受限数据申请并在申请中指定应用，获批后该应用即可调用。";

    public Task<bool> IsRestrictedAsync(string apiCode, CancellationToken ct) =>
        db.Resources.AnyAsync(x => x.ApiCode == apiCode && x.Dataset!.OpenCondition == OpenCondition.Restricted, ct);

    private static void Demand(ClaimsPrincipal user)
    {
        if (!user.IsInRole(Roles.Reviewer)) throw new UnauthorizedAccessException();
    }

    private async Task<List<ApplicationDto>> ListAsync(IQueryable<ApiApplication> q, CancellationToken ct)
    {
        var rows = await q.AsNoTracking().Select(a => new
        {
            a.Id, a.AppId, AppName = a.App!.Name, a.App.AppKey, a.ApiCode, a.Category, a.Reason, a.Status, a.ReviewReason, a.CreatedAt, a.ReviewedAt,
            Applicant = db.Users.Where(u => u.Id == a.UserId).Select(u => u.UserName).FirstOrDefault() ?? "",
        }).ToListAsync(ct);
        var names = await catalog.NamesAsync(rows.Select(r => r.ApiCode).Distinct().ToList(), ct);
        return rows.Select(a => new ApplicationDto(a.Id, a.AppId, a.AppName, a.AppKey, a.ApiCode, names.GetValueOrDefault(a.ApiCode, a.ApiCode),
            a.Category, a.Reason, a.Status.ToString().ToLowerInvariant(), a.ReviewReason, a.CreatedAt, a.ReviewedAt, a.Applicant)).ToList();
    }
}
