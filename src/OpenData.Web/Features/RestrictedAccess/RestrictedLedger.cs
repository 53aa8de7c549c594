using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Interaction;

namespace OpenData.Web.Features.RestrictedAccess;

/// <summary>
/// The public ledger (公示): every submitted application without the applicant, its purpose or its documents —
/// only the datasets, the department, the status and how long the decision took — and each department's average.
/// </summary>
public sealed class RestrictedLedger(PortalDbContext db)
{
    public async Task<LedgerDto> PageAsync(int page, CancellationToken ct = default)
    {
        var q = db.RestrictedApplications.AsNoTracking().Where(a => a.Status != RestrictedStatus.Draft && a.SubmittedAt != null);
        var size = Paging.DefaultSize;
        var total = await q.CountAsync(ct);
        page = Paging.Clamp(page, total, size);
        var rows = await q.OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id).Skip((page - 1) * size).Take(size)
            .Select(a => new
            {
                a.Id, a.Status, a.SubmittedAt, a.DecidedAt, Dept = a.Department!.Code, DeptName = a.Department.Name,
                Datasets = a.Datasets.Select(d => d.Dataset!.Title).ToList(),
            }).ToListAsync(ct);
        var items = rows.Select(r => new LedgerEntryDto(r.Id, r.Datasets, r.Dept, r.DeptName, RestrictedLabels.Code(r.Status),
            RestrictedLabels.Label(r.Status), r.SubmittedAt!.Value, r.DecidedAt, Days(r.SubmittedAt, r.DecidedAt))).ToList();
        // Decided applications are few (two windows a year); averaging them in memory works on both databases.
        var decided = await db.RestrictedApplications.AsNoTracking().Where(a => a.DecidedAt != null && a.SubmittedAt != null)
            .Select(a => new { Dept = a.Department!.Code, DeptName = a.Department.Name, a.SubmittedAt, a.DecidedAt }).ToListAsync(ct);
        var averages = decided.GroupBy(d => (d.Dept, d.DeptName))
            .Select(g => new DepartmentAverageDto(g.Key.Dept, g.Key.DeptName, g.Count(), Math.Round(g.Average(x => Days(x.SubmittedAt, x.DecidedAt)!.Value), 1)))
            .OrderBy(d => d.AverageDays).ThenBy(d => d.Department, StringComparer.Ordinal).ToList();
        return new LedgerDto(items, total, page, size, averages);
    }

    private static double? Days(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } f && to is { } t ? Math.Round((t - f).TotalDays, 1) : null;
}
