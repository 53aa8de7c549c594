using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.OpenIndex;

public sealed partial class OpenIndexQueries
{
    /// <summary>部门数据量 / 数据容量 as of now (the catalog has no history of sizes): published datasets only.</summary>
    private async Task<List<DepartmentVolume>> DepartmentsAsync(int? deptId, CancellationToken ct)
    {
        var sets = await db.Datasets.AsNoTracking().Where(d => d.IsPublished && (deptId == null || d.DepartmentId == deptId))
            .GroupBy(d => d.DepartmentId)
            .Select(g => new { g.Key, Count = g.Count(), Rows = g.Sum(d => d.RowCount), Capacity = g.Sum(d => d.Capacity) }).ToListAsync(ct);
        var files = await db.Resources.AsNoTracking().Where(x => x.Dataset!.IsPublished && (deptId == null || x.Dataset.DepartmentId == deptId))
            .GroupBy(x => x.Dataset!.DepartmentId)
            .Select(g => new { g.Key, Files = g.Count(), Apis = g.Count(x => x.ApiCode != "" && x.RowCount != null) }).ToDictionaryAsync(x => x.Key, ct);
        var services = await db.ServiceApis.AsNoTracking().Where(s => s.IsPublished && (deptId == null || s.DepartmentId == deptId))
            .GroupBy(s => s.DepartmentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => (d.Code, d.Name, Short: d.ShortName.Length > 0 ? d.ShortName : d.Name), ct);
        return sets.Select(s => new DepartmentVolume(names[s.Key].Code, names[s.Key].Name, names[s.Key].Short, s.Count, s.Rows, s.Capacity,
                files.GetValueOrDefault(s.Key)?.Files ?? 0, (files.GetValueOrDefault(s.Key)?.Apis ?? 0) + services.GetValueOrDefault(s.Key)))
            .OrderByDescending(d => d.Datasets).ThenByDescending(d => d.Capacity).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>领域开放排行: datasets and capacity now, downloads within the range (from the daily table).</summary>
    private async Task<List<DomainOpenness>> DomainsAsync(OpenIndexRange r, int? deptId, CancellationToken ct)
    {
        var sets = await db.Datasets.AsNoTracking().Where(d => d.IsPublished && (deptId == null || d.DepartmentId == deptId))
            .Select(d => new { d.Id, d.DomainId, d.Capacity }).ToListAsync(ct);
        var downloads = await Items(r, AccessActions.Download, AccessItems.Dataset, deptId)
            .GroupBy(i => i.ItemKey).Select(g => new { g.Key, Count = g.Sum(i => i.Count) }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var domains = await db.Domains.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return sets.GroupBy(d => d.DomainId)
            .Select(g => new DomainOpenness(g.Key, domains.GetValueOrDefault(g.Key, "其他"), g.Count(), g.Sum(d => d.Capacity),
                g.Sum(d => downloads.GetValueOrDefault(d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
            .OrderByDescending(d => d.Datasets).ThenByDescending(d => d.Downloads).ThenBy(d => d.Id).ToList();
    }

    /// <summary>数据更新趋势: datasets first published and datasets given new data per month of the range;
    /// 按时更新率 per department as of now (datasets with an irregular frequency are not scheduled).</summary>
    private async Task<UpdateTrend> UpdatesAsync(OpenIndexRange r, int? deptId, CancellationToken ct)
    {
        var published = await db.Datasets.AsNoTracking()
            .Where(d => d.IsPublished && d.PublishedAt >= r.Start && d.PublishedAt < r.End && (deptId == null || d.DepartmentId == deptId))
            .Select(d => d.PublishedAt!.Value).ToListAsync(ct);
        var updated = await db.ResourceVersions.AsNoTracking()
            .Where(v => v.Number > 1 && v.UploadedAt >= r.Start && v.UploadedAt < r.End && v.Resource!.Dataset!.IsPublished
                && (deptId == null || v.Resource.Dataset.DepartmentId == deptId))
            .Select(v => new { v.Resource!.DatasetId, v.UploadedAt }).ToListAsync(ct);
        var months = new List<MonthCount>();
        for (var m = new DateOnly(r.From.Year, r.From.Month, 1); m <= r.To; m = m.AddMonths(1))
        {
            var key = m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            months.Add(new MonthCount(key, published.Count(p => Month(p) == key),
                updated.Where(u => Month(u.UploadedAt) == key).Select(u => u.DatasetId).Distinct().Count()));
        }

        var now = clock.GetUtcNow();
        var schedule = await db.Datasets.AsNoTracking()
            .Where(d => d.IsPublished && d.UpdateFrequency != UpdateFrequency.Irregular && (deptId == null || d.DepartmentId == deptId))
            .Select(d => new { d.Department!.Code, d.Department.Name, d.Department.ShortName, d.UpdateFrequency, d.DataUpdatedAt }).ToListAsync(ct);
        var onTime = schedule.GroupBy(d => (d.Code, d.Name, d.ShortName)).Select(g =>
        {
            var ok = g.Count(d => Timeliness.Evaluate(d.UpdateFrequency, d.DataUpdatedAt, now).Status == "on-time");
            return new OnTimeRate(g.Key.Code, g.Key.Name, g.Key.ShortName.Length > 0 ? g.Key.ShortName : g.Key.Name, g.Count(), ok, Math.Round(ok * 100.0 / g.Count(), 1));
        }).OrderByDescending(x => x.Rate).ThenByDescending(x => x.Scheduled).ThenBy(x => x.Code, StringComparer.Ordinal).ToList();
        return new UpdateTrend(months, onTime);
    }

    private static string Month(DateTimeOffset t) => t.ToOffset(ChinaTime.Offset).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
