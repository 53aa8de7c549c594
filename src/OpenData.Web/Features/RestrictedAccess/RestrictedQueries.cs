using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Features.Interaction;
using static OpenData.Web.Features.RestrictedAccess.RestrictedLabels;

namespace OpenData.Web.Features.RestrictedAccess;

/// <summary>Reading applications and grants: the applicant's own, the review queues, and one application for those who may see it.</summary>
public sealed class RestrictedQueries(PortalDbContext db, TimeProvider clock)
{
    public async Task<Paged<RestrictedApplicationDto>> MineAsync(ClaimsPrincipal user, int page, CancellationToken ct = default)
    {
        var userId = DatasetAccess.UserId(user) ?? throw new UnauthorizedAccessException();
        return await PageAsync(db.RestrictedApplications.Where(a => a.UserId == userId).OrderByDescending(a => a.Id), page, ct);
    }

    /// <summary>
    /// What waits for this user: a provider sees their department's applications in 提供部门审核, a reviewer those in
    /// 平台复核; null for anyone else. all=true lists every submitted application they may see, newest first.
    /// </summary>
    public async Task<Paged<RestrictedApplicationDto>?> QueueAsync(ClaimsPrincipal user, bool all, int page, CancellationToken ct = default)
    {
        var dept = DatasetAccess.ProviderDepartment(user);
        var reviewer = RestrictedAccessRules.IsReviewer(user);
        if (dept is null && !reviewer) return null;
        var q = db.RestrictedApplications.Where(a => a.Status != RestrictedStatus.Draft);
        if (!reviewer) q = q.Where(a => a.Department!.Code == dept);
        if (!all)
            q = reviewer && dept is null ? q.Where(a => a.Status == RestrictedStatus.PlatformReview)
                : reviewer ? q.Where(a => a.Status == RestrictedStatus.PlatformReview || (a.Status == RestrictedStatus.DepartmentReview && a.Department!.Code == dept))
                : q.Where(a => a.Status == RestrictedStatus.DepartmentReview);
        return await PageAsync(all ? q.OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id) : q.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id), page, ct);
    }

    /// <summary>One application for its applicant, its department or a reviewer; null for anyone else (404).</summary>
    public async Task<RestrictedApplicationDto?> DetailAsync(ClaimsPrincipal user, int id, CancellationToken ct = default)
    {
        var head = await db.RestrictedApplications.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.UserId, a.Status, Dept = a.Department == null ? null : a.Department.Code }).FirstOrDefaultAsync(ct);
        if (head is null || !RestrictedAccessRules.CanSee(user, head.UserId, head.Dept, head.Status)) return null;
        return (await ListAsync(db.RestrictedApplications.Where(a => a.Id == id), ct)).Single();
    }

    public async Task<IReadOnlyList<GrantDto>> GrantsAsync(ClaimsPrincipal user, int? applicationId = null, CancellationToken ct = default)
    {
        var userId = DatasetAccess.UserId(user) ?? throw new UnauthorizedAccessException();
        var q = db.RestrictedGrants.AsNoTracking().Where(g => g.UserId == userId);
        if (applicationId is { } a) q = q.Where(g => g.ApplicationId == a);
        return await GrantListAsync(q, ct);
    }

    public async Task<IReadOnlyList<GrantDto>> GrantsOfAsync(int applicationId, CancellationToken ct = default) =>
        await GrantListAsync(db.RestrictedGrants.AsNoTracking().Where(g => g.ApplicationId == applicationId), ct);

    private async Task<IReadOnlyList<GrantDto>> GrantListAsync(IQueryable<RestrictedGrant> q, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await q.OrderByDescending(g => g.ExpiresAt).Select(g => new { g, g.Dataset!.Slug, g.Dataset.Title }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var (status, label) = r.g.RevokedAt is not null ? ("revoked", "已撤销") : r.g.ExpiresAt <= now ? ("expired", "已过期") : ("active", "有效");
            var fields = GrantedFields.Names(r.g.Fields);
            return new GrantDto(r.g.Id, r.g.ApplicationId, r.Slug, r.Title, AppIdList.Parse(r.g.AppIds), fields, fields.Count == 0,
                r.g.StartsAt, r.g.ExpiresAt,
                r.g.RevokedAt, status, label);
        }).ToList();
    }

    private async Task<Paged<RestrictedApplicationDto>> PageAsync(IQueryable<RestrictedApplication> ordered, int page, CancellationToken ct)
    {
        var size = Paging.DefaultSize;
        var total = await ordered.CountAsync(ct);
        page = Paging.Clamp(page, total, size);
        var items = await ListAsync(ordered.Skip((page - 1) * size).Take(size), ct);
        return new Paged<RestrictedApplicationDto>(items, total, page, size);
    }

    private async Task<List<RestrictedApplicationDto>> ListAsync(IQueryable<RestrictedApplication> q, CancellationToken ct)
    {
        var rows = await q.AsNoTracking().AsSplitQuery().Include(a => a.Department).Include(a => a.Documents)
            .Include(a => a.Steps).Include(a => a.Datasets).ThenInclude(d => d.Dataset).ToListAsync(ct);
        var userIds = rows.Select(r => r.UserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "", ct);
        return rows.Select(a => new RestrictedApplicationDto(a.Id, Code(a.Status), Label(a.Status), a.Department?.Code ?? "", a.Department?.Name ?? "",
            a.Datasets.Select(d => new AppliedDatasetDto(d.Dataset!.Slug, d.Dataset.Title)).ToList(), a.Purpose, a.Scenario, a.Fields,
            a.SecurityMeasures, a.PeriodMonths, AppIdList.Parse(a.AppIds), a.AgreementVersion, a.CreatedAt, a.SubmittedAt, a.DecidedAt,
            a.Documents.OrderBy(d => Array.IndexOf(DocumentKinds.All, d.Kind)).ThenBy(d => d.Id).Select(d => new DocumentDto(d.Id, d.Kind,
                DocumentKinds.Label(d.Kind), d.FileName, d.Size, d.UploadedAt, $"/restricted/documents/{d.Id}")).ToList(),
            a.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new StepDto(s.Stage, Stage(s.Stage), s.Action, Action(s.Action), s.Reason, s.At)).ToList(),
            names.GetValueOrDefault(a.UserId, ""))).ToList();
    }
}
