using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Datasets;

/// <summary>Reads of the catalog. Unpublished datasets are visible only to their department's providers and admins.</summary>
public sealed partial class DatasetQueries(PortalDbContext db, DatasetSearch search, TimeProvider clock, IMemoryCache cache, IDatasetGrants grants,
    IEnumerable<IDatasetGraphExtension> graphExtensions)
{
    public const int MaxPageSize = 100;

    /// <summary>The list: keyword, filters, facets (each counted under the other filters), sort, paging.</summary>
    public async Task<DatasetSearchResult> SearchAsync(DatasetSearchRequest r, CancellationToken ct = default)
    {
        var page = Math.Max(1, r.Page ?? 1);
        var size = Math.Clamp(r.PageSize ?? 20, 1, MaxPageSize);
        var published = db.Datasets.AsNoTracking().Where(d => d.IsPublished);
        var hits = search.Match(r.Q);
        if (hits is not null)
            published = published.Where(d => hits.Select(h => h.DatasetId).Contains(d.Id));
        var departments = await db.Departments.AsNoTracking().Select(d => new DepartmentLabel(d.Id, d.Code, d.Name, d.SortOrder)).ToListAsync(ct);
        var filter = FacetFilter.From(r, departments.ToDictionary(d => d.Code, d => d.Id));
        // One grouped scan of the keyword's matches by all facet attributes feeds every facet and the total:
        // far cheaper than one grouped query per facet (docs/performance.md).
        var rows = hits is null ? await AllFacetRowsAsync(published, ct) : await FacetRowsAsync(published, ct);
        var total = rows.Where(x => filter.Matches(x, null)).Sum(x => x.Count);

        IQueryable<Dataset> Filtered(IQueryable<Dataset> q)
        {
            if (filter.DepartmentId is { } dept) q = q.Where(d => d.DepartmentId == dept);
            if (r.Domain is { } dom) q = q.Where(d => d.DomainId == dom);
            if (filter.Format is { } fmt) { var key = "," + fmt + ","; q = q.Where(d => ("," + d.Formats + ",").Contains(key)); }
            if (filter.Open is { } oc) q = q.Where(d => d.OpenCondition == oc);
            if (filter.County is { } county) q = q.Where(d => d.CountyCode == county);
            return q;
        }
        var sort = NormalizeSort(r.Sort, hits is not null);
        List<int> ids;
        if (total == 0) ids = [];
        else if (sort == "relevance" && hits is not null)
            // The join alone restricts to the matches; no second IN over the same MATCH.
            ids = await (from d in Filtered(db.Datasets.AsNoTracking().Where(d => d.IsPublished)) join h in hits on d.Id equals h.DatasetId
                         orderby h.Rank descending, d.Id descending select d.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        else
            ids = await Sorted(Filtered(published), sort).Select(d => d.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var cards = await CardsAsync(ids, ct);
        var facets = await FacetsAsync(rows, filter, departments.ToDictionary(d => d.Id), ct);
        return new DatasetSearchResult(cards, total, page, size, facets);
    }

    private static Task<List<FacetRow>> FacetRowsAsync(IQueryable<Dataset> q, CancellationToken ct) => q
        .GroupBy(d => new { d.DepartmentId, d.DomainId, d.OpenCondition, d.CountyCode, d.Formats })
        .Select(g => new FacetRow(g.Key.DepartmentId, g.Key.DomainId, g.Key.OpenCondition, g.Key.CountyCode, g.Key.Formats, g.Count()))
        .ToListAsync(ct);

    /// <summary>
    /// Facet rows of the whole published catalog, cached per node under a stamp that changes with every publish,
    /// unpublish and edit (count, id sum, last update), so counts stay live without regrouping on each visit.
    /// </summary>
    private async Task<List<FacetRow>> AllFacetRowsAsync(IQueryable<Dataset> published, CancellationToken ct)
    {
        var stamp = await published.GroupBy(d => 1)
            .Select(g => new { Count = g.Count(), Ids = g.Sum(d => (long)d.Id), Last = g.Max(d => d.UpdatedAt) }).SingleOrDefaultAsync(ct);
        if (stamp is null) return [];
        var key = $"datasets:facets:{stamp.Count}:{stamp.Ids}:{stamp.Last.UtcTicks}";
        if (cache.TryGetValue(key, out List<FacetRow>? rows) && rows is not null) return rows;
        rows = await FacetRowsAsync(published, ct);
        cache.Set(key, rows, TimeSpan.FromMinutes(10));
        return rows;
    }

    public static string NormalizeSort(string? sort, bool hasKeyword) =>
        DatasetLabels.Sorts.Any(s => s.Code == sort) && (sort != "relevance" || hasKeyword) ? sort! : hasKeyword ? "relevance" : "updated";

    private static IQueryable<Dataset> Sorted(IQueryable<Dataset> q, string sort) => sort switch
    {
        "views" => q.OrderByDescending(d => d.ViewCount).ThenByDescending(d => d.Id),
        "downloads" => q.OrderByDescending(d => d.DownloadCount).ThenByDescending(d => d.Id),
        "capacity" => q.OrderByDescending(d => d.Capacity).ThenByDescending(d => d.Id),
        "rating" => q.OrderByDescending(d => d.RatingAverage).ThenByDescending(d => d.RatingCount).ThenByDescending(d => d.Id),
        _ => q.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id),
    };

    /// <summary>Cards for the given ids, in the given order.</summary>
    public async Task<List<DatasetCardDto>> CardsAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var rows = await db.Datasets.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new
        {
            d.Id, d.Slug, d.Title, d.Summary, Org = d.Department!.Code, OrgName = d.Department.Name, d.DomainId,
            DomainName = d.Domain!.Name, d.Tags, d.OpenCondition, d.Formats, d.RowCount, d.Capacity, d.ViewCount,
            d.DownloadCount, d.RatingAverage, d.RatingCount, d.UpdatedAt, d.PublishedAt, d.CountyCode,
            CountyName = d.County != null ? d.County.Name : null, d.IsSample, d.UpdateFrequency, d.DataUpdatedAt,
        }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var byId = rows.ToDictionary(x => x.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(d => new DatasetCardDto(
            d.Id, d.Slug, d.Title, Excerpt(d.Summary, 160), d.Org, d.OrgName, d.DomainId, d.DomainName, SplitList(d.Tags),
            DatasetLabels.Code(d.OpenCondition), DatasetLabels.Label(d.OpenCondition), SplitList(d.Formats), d.RowCount,
            d.Capacity, d.ViewCount, d.DownloadCount, Math.Round(d.RatingAverage, 1), d.RatingCount, d.UpdatedAt,
            d.PublishedAt, d.CountyCode, d.CountyName, d.IsSample, Timeliness.Evaluate(d.UpdateFrequency, d.DataUpdatedAt, now))).ToList();
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<FacetValueDto>>> FacetsAsync(
        List<FacetRow> rows, FacetFilter filter, Dictionary<int, DepartmentLabel> departments, CancellationToken ct)
    {
        var domains = await db.Domains.AsNoTracking().Select(d => new { d.Id, d.Name, d.SortOrder }).ToDictionaryAsync(d => d.Id, ct);
        var counties = await db.Counties.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        IEnumerable<FacetRow> Except(string facet) => rows.Where(x => filter.Matches(x, facet));
        return new Dictionary<string, IReadOnlyList<FacetValueDto>>
        {
            ["org"] = Except("org").GroupBy(x => x.DepartmentId).Select(g => (D: departments[g.Key], Count: g.Sum(x => x.Count)))
                .OrderByDescending(x => x.Count).ThenBy(x => x.D.SortOrder).Select(x => new FacetValueDto(x.D.Code, x.D.Name, x.Count)).ToList(),
            ["domain"] = Except("domain").GroupBy(x => x.DomainId).Select(g => (D: domains[g.Key], Count: g.Sum(x => x.Count)))
                .OrderBy(x => x.D.SortOrder).Select(x => new FacetValueDto(x.D.Id.ToString(), x.D.Name, x.Count)).ToList(),
            ["format"] = Except("format").SelectMany(x => SplitList(x.Formats).Select(f => (Format: f, x.Count))).GroupBy(f => f.Format)
                .OrderBy(g => DatasetLabels.Formats.ToList().IndexOf(g.Key)).Select(g => new FacetValueDto(g.Key, g.Key, g.Sum(x => x.Count))).ToList(),
            ["open"] = Except("open").GroupBy(x => x.Open).OrderBy(g => g.Key)
                .Select(g => new FacetValueDto(DatasetLabels.Code(g.Key), DatasetLabels.Label(g.Key), g.Sum(x => x.Count))).ToList(),
            ["county"] = Except("county").Where(x => x.CountyCode is not null).GroupBy(x => x.CountyCode!).OrderBy(g => g.Key)
                .Select(g => new FacetValueDto(g.Key, counties.GetValueOrDefault(g.Key, g.Key), g.Sum(x => x.Count))).ToList(),
        };
    }

    private sealed record DepartmentLabel(int Id, string Code, string Name, int SortOrder);

    public static IReadOnlyList<string> SplitList(string s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string Excerpt(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
