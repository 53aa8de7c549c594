using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.OpenIndex;

/// <summary>
/// The figures of /open-index, its JSON API and CSV exports. Access figures (views, downloads, calls, searches) come
/// from the daily tables only, never from raw events; catalog figures (datasets, capacity, requests) from the catalog.
/// A department narrows everything that belongs to one (the workbench view); searches stay platform-wide.
/// </summary>
public sealed partial class OpenIndexQueries(PortalDbContext db, TimeProvider clock)
{
    public const int Top = 10;

    public async Task<OpenIndexReport> BuildAsync(OpenIndexRange range, Department? department, CancellationToken ct = default)
    {
        var deptId = department?.Id;
        var rolledAt = await db.AccessRollupStates.AsNoTracking().Where(s => s.Id == 1).Select(s => s.RolledAt).FirstOrDefaultAsync(ct);
        return new OpenIndexReport(range.FromText, range.ToText, department?.Code, department?.Name, rolledAt,
            await SummaryAsync(range, deptId, ct),
            await DepartmentsAsync(deptId, ct),
            await DomainsAsync(range, deptId, ct),
            await SourcesAsync(range, deptId, ct),
            await UpdatesAsync(range, deptId, ct),
            await DatasetRankingAsync(range, deptId, ct),
            await ApiRankingAsync(range, deptId, ct),
            deptId is null ? await AppRankingAsync(range, ct) : [],
            await HotSearchesAsync(range, 20, ct),
            await DemandAsync(range, department?.Code, ct));
    }

    public Task<Department?> DepartmentAsync(string code, CancellationToken ct) =>
        db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct);

    public Task<List<Department>> DepartmentsListAsync(CancellationToken ct) =>
        db.Departments.AsNoTracking().Where(d => !d.IsRetired).OrderBy(d => d.SortOrder).ThenBy(d => d.Code).ToListAsync(ct);

    /// <summary>Datasets, APIs and apps open, restricted data granted: total at the range's end, added within it.</summary>
    private async Task<OpennessSummary> SummaryAsync(OpenIndexRange r, int? deptId, CancellationToken ct)
    {
        var datasets = db.Datasets.Where(d => d.IsPublished && d.PublishedAt != null && (deptId == null || d.DepartmentId == deptId));
        var dsBefore = await datasets.CountAsync(d => d.PublishedAt < r.Start, ct);
        var dsIn = await datasets.CountAsync(d => d.PublishedAt >= r.Start && d.PublishedAt < r.End, ct);

        var apis = db.Resources.Where(x => x.ApiCode != "" && x.RowCount != null && x.Dataset!.IsPublished && (deptId == null || x.Dataset.DepartmentId == deptId));
        var services = db.ServiceApis.Where(s => s.IsPublished && (deptId == null || s.DepartmentId == deptId));
        var apiBefore = await apis.CountAsync(x => x.CreatedAt < r.Start, ct) + await services.CountAsync(s => s.CreatedAt < r.Start, ct);
        var apiIn = await apis.CountAsync(x => x.CreatedAt >= r.Start && x.CreatedAt < r.End, ct)
            + await services.CountAsync(s => s.CreatedAt >= r.Start && s.CreatedAt < r.End, ct);

        // Apps belong to developers, not departments: the department view shows none.
        var apps = db.ShowcaseEntries.Where(e => deptId == null && e.PublishedAt != null && e.Revisions.Any(x => x.IsPublished));
        var appBefore = await apps.CountAsync(e => e.PublishedAt < r.Start, ct);
        var appIn = await apps.CountAsync(e => e.PublishedAt >= r.Start && e.PublishedAt < r.End, ct);

        var grants = db.RestrictedGrants.Where(g => deptId == null || g.Dataset!.DepartmentId == deptId);
        var grantBefore = await grants.CountAsync(g => g.StartsAt < r.Start, ct);
        var grantIn = await grants.CountAsync(g => g.StartsAt >= r.Start && g.StartsAt < r.End, ct);

        return new OpennessSummary(Open(dsBefore, dsIn), Open(apiBefore, apiIn), Open(appBefore, appIn), Open(grantBefore, grantIn));
    }

    private static Openness Open(long before, long added) =>
        new(before + added, added, before == 0 ? null : Math.Round(added * 100.0 / before, 1));

    private IQueryable<ItemDaily> Items(OpenIndexRange r, string action, string kind, int? deptId) =>
        db.ItemDaily.AsNoTracking().Where(i => i.Day >= r.FromDay && i.Day <= r.ToDay && i.Action == action && i.ItemKind == kind
            && (deptId == null || i.DepartmentId == deptId));

    private async Task<List<(string Key, long Count)>> TopItemsAsync(IQueryable<ItemDaily> q, int top, CancellationToken ct) =>
        (await q.GroupBy(i => i.ItemKey).Select(g => new { g.Key, Count = g.Sum(i => i.Count) })
            .OrderByDescending(x => x.Count).ThenBy(x => x.Key).Take(top).ToListAsync(ct))
        .Select(x => (x.Key, x.Count)).ToList();
}
