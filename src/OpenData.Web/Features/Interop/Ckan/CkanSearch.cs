using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenData.Web.Features.Datasets;

namespace OpenData.Web.Features.Interop.Ckan;

/// <summary>
/// package_search. The keyword goes through the catalog's own Chinese full-text search (DatasetSearch), so
/// "空气" finds what the portal's search box finds; fq, facets, sort and paging then run over the public
/// catalog's index rows in memory (one small row per published open dataset).
/// </summary>
public sealed class CkanSearch(PublicCatalog catalog, DatasetSearch search, CkanDicts dicts, IOptions<InteropOptions> options)
{
    private static readonly HashSet<string> Known =
    [
        "q", "fq", "fq_list", "rows", "start", "sort", "facet", "facet.field", "facet.limit", "facet.mincount",
        "include_private", "include_drafts", "include_deleted", "use_default_schema", "defType", "qf", "df", "wt",
        "fl", "bf", "boost", "tie", "mm", "extras",
    ];
    private static readonly string[] FacetFields = ["organization", "groups", "tags", "res_format", "license_id", "county"];
    private static readonly string[] SortFields = ["score", "metadata_modified", "metadata_created", "name", "title_string", "title"];
    public const string DefaultSort = "score desc, metadata_modified desc";

    public async Task<CkanSearchResult> SearchAsync(CkanRequest r, bool directDownloads, CancellationToken ct)
    {
        r.RejectUnknown(Known, k => new CkanSearchQueryError($"Invalid search parameters: ['{k}']"));
        var o = options.Value;
        var rows = Math.Min(r.Int("rows", 0) ?? o.SearchRowsDefault, o.SearchRowsMax);
        var start = r.Int("start", 0) ?? 0;
        var facetFields = r.Bool("facet", true) ? r.StringList("facet.field") ?? [] : [];
        if (facetFields.FirstOrDefault(f => !FacetFields.Contains(f)) is { } badFacet)
            throw new CkanSearchError($"undefined field {badFacet}");
        var facetLimit = r.Int("facet.limit") ?? 50;
        var facetMin = r.Int("facet.mincount", 0) ?? 1;
        var sortText = string.IsNullOrWhiteSpace(r.String("sort")) ? DefaultSort : r.String("sort")!;
        var sort = ParseSort(sortText);

        var filters = new List<Func<CkanIndexRow, bool>>();
        if (r.String("fq") is { Length: > 0 } fq) filters.Add(CkanFilterQuery.Parse(fq));
        foreach (var f in r.StringList("fq_list") ?? []) filters.Add(CkanFilterQuery.Parse(f));
        var q = r.String("q")?.Trim();
        Dictionary<int, double>? ranks = null;
        if (q is { Length: > 0 } && q is not ("*:*" or "\"\"" or "''"))
        {
            if (IsFieldQuery(q)) filters.Add(CkanFilterQuery.Parse(q));
            else if (search.Match(q) is { } hits)
                ranks = (await hits.ToListAsync(ct)).GroupBy(h => h.DatasetId).ToDictionary(g => g.Key, g => g.Max(h => h.Rank));
        }

        var matched = (await IndexAsync(ct)).Where(x => (ranks is null || ranks.ContainsKey(x.Id)) && filters.All(f => f(x))).ToList();
        var ordered = Order(matched, sort, ranks);
        var page = ordered.Skip(start).Take(rows).Select(x => x.Id).ToList();
        var packages = (await catalog.LoadAsync(page, ct)).Select(d => dicts.Package(d, directDownloads)).ToList();

        var facets = new Dictionary<string, IReadOnlyDictionary<string, int>>();
        var searchFacets = new Dictionary<string, CkanSearchFacet>();
        foreach (var field in facetFields.Distinct())
        {
            var items = Facet(matched, field).Where(i => i.Count >= facetMin)
                .OrderByDescending(i => i.Count).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();
            if (facetLimit >= 0) items = items.Take(facetLimit).ToList();
            facets[field] = items.ToDictionary(i => i.Name, i => i.Count);
            searchFacets[field] = new CkanSearchFacet(field, items);
        }
        return new CkanSearchResult(matched.Count, sortText, facets, packages, searchFacets);
    }

    public async Task<List<CkanIndexRow>> IndexAsync(CancellationToken ct) =>
        (await catalog.Datasets.Select(d => new
        {
            d.Id, d.Slug, d.Title, d.DepartmentId, Org = d.Department!.Code, OrgName = d.Department.Name, d.DomainId,
            Domain = d.Domain!.Name, d.Tags, d.Formats, d.CountyCode, d.CreatedAt, d.PublishedAt, d.UpdatedAt,
        }).ToListAsync(ct)).Select(d => new CkanIndexRow(
            d.Id, d.Slug, d.Title, d.DepartmentId, d.Org, d.OrgName, d.DomainId, d.Domain, DatasetQueries.SplitList(d.Tags),
            DatasetQueries.SplitList(d.Formats), d.CountyCode, d.PublishedAt ?? d.CreatedAt, d.UpdatedAt)).ToList();

    private static bool IsFieldQuery(string q)
    {
        var colon = q.IndexOf(':');
        return colon > 0 && q[..colon].TrimStart('+', '-') is var f && f.All(c => char.IsAsciiLetterLower(c) || c == '_');
    }

    private static List<(string Field, bool Desc)> ParseSort(string sort)
    {
        var list = new List<(string, bool)>();
        foreach (var clause in sort.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || parts[1].ToLowerInvariant() is not ("asc" or "desc"))
                throw new CkanSearchQueryError("Invalid \"sort\" parameter");
            if (!SortFields.Contains(parts[0])) throw new CkanSearchError($"sort param field can't be found: {parts[0]}");
            list.Add((parts[0], parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase)));
        }
        return list.Count > 0 ? list : throw new CkanSearchQueryError("Invalid \"sort\" parameter");
    }

    private static IEnumerable<CkanIndexRow> Order(List<CkanIndexRow> rows, List<(string Field, bool Desc)> sort, Dictionary<int, double>? ranks)
    {
        IOrderedEnumerable<CkanIndexRow>? o = null;
        foreach (var (field, desc) in sort)
        {
            Func<CkanIndexRow, object> key = field switch
            {
                "score" => x => ranks?.GetValueOrDefault(x.Id) ?? 0d,
                "metadata_modified" => x => x.Modified,
                "metadata_created" => x => x.Created,
                "name" => x => x.Name,
                _ => x => x.Title,
            };
            var cmp = Comparer<object>.Create((a, b) => a is string sa && b is string sb ? string.CompareOrdinal(sa, sb) : Comparer<object>.Default.Compare(a, b));
            o = o is null ? (desc ? rows.OrderByDescending(key, cmp) : rows.OrderBy(key, cmp))
                : (desc ? o.ThenByDescending(key, cmp) : o.ThenBy(key, cmp));
        }
        return o!.ThenByDescending(x => x.Id);
    }

    private IEnumerable<CkanFacetItem> Facet(List<CkanIndexRow> rows, string field) => field switch
    {
        "organization" => rows.GroupBy(x => (x.OrgCode, x.OrgName)).Select(g => new CkanFacetItem(g.Key.OrgCode, g.Key.OrgName, g.Count())),
        "groups" => rows.GroupBy(x => (x.DomainId, x.DomainName)).Select(g => new CkanFacetItem(CkanDicts.GroupName(g.Key.DomainId), g.Key.DomainName, g.Count())),
        "tags" => rows.SelectMany(x => x.Tags.Distinct()).GroupBy(t => t).Select(g => new CkanFacetItem(g.Key, g.Key, g.Count())),
        "res_format" => rows.SelectMany(x => x.Formats.Distinct()).GroupBy(t => t).Select(g => new CkanFacetItem(g.Key, g.Key, g.Count())),
        "license_id" => rows.Count == 0 ? [] : [new CkanFacetItem(CkanDicts.LicenseId, "丽水市公共数据开放许可协议", rows.Count)],
        _ => rows.Where(x => x.County is not null).GroupBy(x => x.County!).Select(g => new CkanFacetItem(g.Key, g.Key, g.Count())),
    };
}
