using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.DataApis.Catalog;

public sealed record ApiSummary(string Code, string Kind, string Name, string Summary, string DepartmentCode, string DepartmentName,
    int DomainId, string DomainName, DateTimeOffset UpdatedAt, double Rating, long ViewCount, long CallCount,
    string? DatasetSlug, int? ResourceId, long? RowCount, string? Method, int RatingCount = 0);

public sealed record ApiSearch(string? Q, string? Org, int? Domain, string? Sort, int Page = 1, int PageSize = 12);

public sealed record ApiSearchResult(IReadOnlyList<ApiSummary> Items, int Total, int Page, int PageSize,
    IReadOnlyList<Datasets.FacetValueDto> Orgs, IReadOnlyList<Datasets.FacetValueDto> Domains);

/// <summary>
/// The API catalog: one data API per tabular resource of a published dataset, plus the departments'
/// published service APIs. Both kinds share the code space, so grants and logs only know the code.
/// </summary>
public sealed class ApiCatalog(PortalDbContext db, OpenIndex.AccessRecorder access)
{
    public static readonly string[] Sorts = ["views", "updated", "calls", "rating"];

    public async Task<ApiSummary?> FindAsync(string code, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(code)) return null;
        var api = (await DataApis(db.Resources.Where(r => r.ApiCode == code), ct)).FirstOrDefault()
            ?? (await ServiceApis(db.ServiceApis.Where(s => s.Code == code), ct)).FirstOrDefault();
        return api is null ? null : WithRatings([api], await ApiRatings.ForAsync(db, code, ct))[0];
    }

    public async Task<Dictionary<string, string>> NamesAsync(IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var data = await db.Resources.Where(r => codes.Contains(r.ApiCode)).Select(r => new { r.ApiCode, r.Dataset!.Title, r.Name }).ToListAsync(ct);
        var services = await db.ServiceApis.Where(s => codes.Contains(s.Code)).Select(s => new { s.Code, s.Name }).ToListAsync(ct);
        return data.Select(d => (d.ApiCode, Name: DataName(d.Title, d.Name))).Concat(services.Select(s => (ApiCode: s.Code, s.Name)))
            .GroupBy(x => x.ApiCode).ToDictionary(g => g.Key, g => g.First().Name);
    }

    public async Task<int> CountAsync(CancellationToken ct) =>
        await TabularResources(db.Resources).CountAsync(ct) + await db.ServiceApis.CountAsync(s => s.IsPublished, ct);

    /// <summary>Search, facets and sort in memory over the published APIs (hundreds, not millions: one row per resource).</summary>
    public async Task<ApiSearchResult> SearchAsync(ApiSearch s, CancellationToken ct)
    {
        var all = WithRatings((await DataApis(db.Resources, ct)).Concat(await ServiceApis(db.ServiceApis, ct)).ToList(),
            await ApiRatings.ForAsync(db, null, ct));
        IEnumerable<ApiSummary> q = all;
        if (!string.IsNullOrWhiteSpace(s.Q))
            q = q.Where(a => a.Name.Contains(s.Q.Trim(), StringComparison.OrdinalIgnoreCase) || a.Code.Equals(s.Q.Trim(), StringComparison.OrdinalIgnoreCase));
        var byDomain = s.Domain is { } dom ? q.Where(a => a.DomainId == dom) : q;
        var byOrg = string.IsNullOrEmpty(s.Org) ? q : q.Where(a => a.DepartmentCode == s.Org);
        var orgs = byDomain.GroupBy(a => (a.DepartmentCode, a.DepartmentName)).OrderByDescending(g => g.Count())
            .Select(g => new Datasets.FacetValueDto(g.Key.DepartmentCode, g.Key.DepartmentName, g.Count())).ToList();
        var domains = byOrg.GroupBy(a => (a.DomainId, a.DomainName)).OrderByDescending(g => g.Count())
            .Select(g => new Datasets.FacetValueDto(g.Key.DomainId.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Key.DomainName, g.Count())).ToList();
        var hits = byOrg.Where(a => s.Domain is null || a.DomainId == s.Domain).ToList();
        IOrderedEnumerable<ApiSummary> sorted = s.Sort switch
        {
            "views" => hits.OrderByDescending(a => a.ViewCount),
            "calls" => hits.OrderByDescending(a => a.CallCount),
            "rating" => hits.OrderByDescending(a => a.Rating).ThenByDescending(a => a.RatingCount),
            _ => hits.OrderByDescending(a => a.UpdatedAt),
        };
        var page = Math.Max(1, s.Page);
        return new ApiSearchResult(sorted.ThenBy(a => a.Code, StringComparer.Ordinal).Skip((page - 1) * s.PageSize).Take(s.PageSize).ToList(),
            hits.Count, page, s.PageSize, orgs, domains);
    }

    public async Task AddViewAsync(string code, CancellationToken ct)
    {
        access.Record(OpenIndex.AccessActions.View, OpenIndex.AccessItems.Api, code);
        if (await db.ApiProfiles.Where(p => p.ApiCode == code).ExecuteUpdateAsync(x => x.SetProperty(p => p.ViewCount, p => p.ViewCount + 1), ct) > 0) return;
        db.ApiProfiles.Add(new ApiProfile { ApiCode = code, ViewCount = 1 });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); } // another request created the row first
    }

    /// <summary>The API's own 评分 (ADR 0040), not its dataset's.</summary>
    private static List<ApiSummary> WithRatings(List<ApiSummary> apis, Dictionary<string, (double Average, int Count)> ratings) =>
        apis.Select(a => ratings.TryGetValue(a.Code, out var r) ? a with { Rating = r.Average, RatingCount = r.Count } : a with { Rating = 0, RatingCount = 0 })
            .ToList();

    internal static string DataName(string title, string resource) =>
        string.IsNullOrEmpty(resource) || resource == title ? title : $"{title}（{resource}）";

    /// <summary>An API exists only for a served table: a tabular resource whose ingestion never succeeded has no rows or fields to offer.</summary>
    private static IQueryable<Resource> TabularResources(IQueryable<Resource> q) =>
        q.Where(r => r.Dataset!.IsPublished && r.RowCount != null && (r.Format == "CSV" || r.Format == "XLSX" || r.Format == "XLS" || r.Format == "JSON"));

    private async Task<List<ApiSummary>> DataApis(IQueryable<Resource> q, CancellationToken ct)
    {
        var rows = await TabularResources(q).AsNoTracking().Select(r => new
        {
            r.ApiCode, r.Dataset!.Title, r.Name, r.Dataset.Summary, DeptCode = r.Dataset.Department!.Code, DeptName = r.Dataset.Department.Name,
            r.Dataset.DomainId, DomainName = r.Dataset.Domain!.Name, r.UpdatedAt, r.Dataset.Slug, r.Id, r.RowCount,
            Profile = db.ApiProfiles.Where(p => p.ApiCode == r.ApiCode).Select(p => new { p.ViewCount, p.CallCount }).FirstOrDefault(),
        }).ToListAsync(ct);
        return rows.Select(r => new ApiSummary(r.ApiCode, "data", DataName(r.Title, r.Name), r.Summary, r.DeptCode, r.DeptName, r.DomainId, r.DomainName,
            r.UpdatedAt, 0, r.Profile?.ViewCount ?? 0, r.Profile?.CallCount ?? 0, r.Slug, r.Id, r.RowCount, null)).ToList();
    }

    private async Task<List<ApiSummary>> ServiceApis(IQueryable<ServiceApi> q, CancellationToken ct)
    {
        var rows = await q.Where(s => s.IsPublished).AsNoTracking().Select(s => new
        {
            s.Code, s.Name, s.Description, DeptCode = s.Department!.Code, DeptName = s.Department.Name, s.DomainId,
            DomainName = db.Domains.Where(d => d.Id == s.DomainId).Select(d => d.Name).FirstOrDefault() ?? "", s.UpdatedAt, s.Method,
            Profile = db.ApiProfiles.Where(p => p.ApiCode == s.Code).Select(p => new { p.ViewCount, p.CallCount }).FirstOrDefault(),
        }).ToListAsync(ct);
        return rows.Select(s => new ApiSummary(s.Code, "service", s.Name, s.Description, s.DeptCode, s.DeptName, s.DomainId, s.DomainName,
            s.UpdatedAt, 0, s.Profile?.ViewCount ?? 0, s.Profile?.CallCount ?? 0, null, null, null, s.Method)).ToList();
    }
}
