using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Datasets;

/// <summary>Reads of the catalog. Unpublished datasets are visible only to their department's providers and admins.</summary>
public sealed partial class DatasetQueries(PortalDbContext db, DatasetSearch search, TimeProvider clock)
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
        var open = DatasetLabels.ParseOpenCondition(r.Open);
        var format = r.Format?.Trim().ToUpperInvariant();
        var formatKey = "," + format + ",";

        IQueryable<Dataset> Filter(string? except)
        {
            var q = published;
            if (except != "org" && !string.IsNullOrWhiteSpace(r.Org)) q = q.Where(d => d.Department!.Code == r.Org);
            if (except != "domain" && r.Domain is { } dom) q = q.Where(d => d.DomainId == dom);
            if (except != "format" && !string.IsNullOrWhiteSpace(format)) q = q.Where(d => ("," + d.Formats + ",").Contains(formatKey));
            if (except != "open" && open is { } oc) q = q.Where(d => d.OpenCondition == oc);
            if (except != "county" && !string.IsNullOrWhiteSpace(r.County)) q = q.Where(d => d.CountyCode == r.County);
            return q;
        }

        var filtered = Filter(null);
        var total = await filtered.CountAsync(ct);
        var sort = NormalizeSort(r.Sort, hits is not null);
        List<int> ids;
        if (sort == "relevance" && hits is not null)
            ids = await (from d in filtered join h in hits on d.Id equals h.DatasetId
                         orderby h.Rank descending, d.Id descending select d.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        else
            ids = await Sorted(filtered, sort).Select(d => d.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var cards = await CardsAsync(ids, ct);
        var facets = await FacetsAsync(Filter, ct);
        return new DatasetSearchResult(cards, total, page, size, facets);
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
            CountyName = d.County != null ? d.County.Name : null, d.IsSample,
        }).ToListAsync(ct);
        var byId = rows.ToDictionary(x => x.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).Select(d => new DatasetCardDto(
            d.Id, d.Slug, d.Title, Excerpt(d.Summary, 160), d.Org, d.OrgName, d.DomainId, d.DomainName, SplitList(d.Tags),
            DatasetLabels.Code(d.OpenCondition), DatasetLabels.Label(d.OpenCondition), SplitList(d.Formats), d.RowCount,
            d.Capacity, d.ViewCount, d.DownloadCount, Math.Round(d.RatingAverage, 1), d.RatingCount, d.UpdatedAt,
            d.PublishedAt, d.CountyCode, d.CountyName, d.IsSample)).ToList();
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<FacetValueDto>>> FacetsAsync(
        Func<string?, IQueryable<Dataset>> filter, CancellationToken ct)
    {
        var orgs = await filter("org").GroupBy(d => new { d.Department!.Code, d.Department.Name, d.Department.SortOrder })
            .Select(g => new { g.Key.Code, g.Key.Name, g.Key.SortOrder, Count = g.Count() }).ToListAsync(ct);
        var domains = await filter("domain").GroupBy(d => new { d.DomainId, d.Domain!.Name, d.Domain.SortOrder })
            .Select(g => new { g.Key.DomainId, g.Key.Name, g.Key.SortOrder, Count = g.Count() }).ToListAsync(ct);
        var formatIds = filter("format").Select(d => d.Id);
        var formats = await db.Resources.Where(x => x.CurrentVersion > 0 && formatIds.Contains(x.DatasetId))
            .GroupBy(x => x.Format).Select(g => new { g.Key, Count = g.Select(x => x.DatasetId).Distinct().Count() }).ToListAsync(ct);
        var opens = await filter("open").GroupBy(d => d.OpenCondition).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var counties = await filter("county").Where(d => d.CountyCode != null).GroupBy(d => new { d.CountyCode, d.County!.Name })
            .Select(g => new { g.Key.CountyCode, g.Key.Name, Count = g.Count() }).ToListAsync(ct);
        return new Dictionary<string, IReadOnlyList<FacetValueDto>>
        {
            ["org"] = orgs.OrderByDescending(x => x.Count).ThenBy(x => x.SortOrder).Select(x => new FacetValueDto(x.Code, x.Name, x.Count)).ToList(),
            ["domain"] = domains.OrderBy(x => x.SortOrder).Select(x => new FacetValueDto(x.DomainId.ToString(), x.Name, x.Count)).ToList(),
            ["format"] = formats.OrderBy(x => DatasetLabels.Formats.ToList().IndexOf(x.Key)).Select(x => new FacetValueDto(x.Key, x.Key, x.Count)).ToList(),
            ["open"] = opens.OrderBy(x => x.Key).Select(x => new FacetValueDto(DatasetLabels.Code(x.Key), DatasetLabels.Label(x.Key), x.Count)).ToList(),
            ["county"] = counties.OrderBy(x => x.CountyCode).Select(x => new FacetValueDto(x.CountyCode!, x.Name, x.Count)).ToList(),
        };
    }

    public static IReadOnlyList<string> SplitList(string s) => s.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string Excerpt(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
