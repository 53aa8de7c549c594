using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;

namespace OpenData.Web.Features.Interop.Ckan;

/// <summary>The read actions over packages, resources, organizations (departments), groups (domains) and tags.</summary>
public sealed class CkanCatalogActions(PortalDbContext db, PublicCatalog catalog, CkanSearch search, CkanDicts dicts)
{
    // A department or domain has no creation time of its own; CKAN requires one, so it is the platform's launch.
    private static readonly DateTimeOffset Launch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<CkanPackage> PackageShowAsync(CkanRequest r, bool direct, CancellationToken ct)
    {
        var id = Required(r, r.Has("name_or_id") ? "name_or_id" : "id");
        var number = int.TryParse(id, out var n) ? n : -1;
        var found = await catalog.Datasets.Where(d => d.Slug == id || d.Id == number).Select(d => d.Id).FirstOrDefaultAsync(ct);
        var d = found == 0 ? null : (await catalog.LoadAsync([found], ct)).FirstOrDefault();
        return d is null ? throw new CkanNotFound("Dataset not found") : dicts.Package(d, direct);
    }

    public async Task<List<string>> PackageListAsync(CkanRequest r, CancellationToken ct)
    {
        var (limit, offset) = Paging(r);
        var q = catalog.Datasets.OrderBy(d => d.Slug).Select(d => d.Slug).Skip(offset);
        return await (limit is { } n ? q.Take(n) : q).ToListAsync(ct);
    }

    public async Task<CkanResource> ResourceShowAsync(CkanRequest r, bool direct, CancellationToken ct)
    {
        var id = Required(r, "id");
        var datasetId = int.TryParse(id, out var rid)
            ? await catalog.Datasets.Where(d => d.Resources.Any(x => x.Id == rid)).Select(d => d.Id).FirstOrDefaultAsync(ct) : 0;
        var d = datasetId == 0 ? null : (await catalog.LoadAsync([datasetId], ct)).FirstOrDefault();
        var index = d?.Resources.ToList().FindIndex(x => x.Id == rid) ?? -1;
        return d is null || index < 0 ? throw new CkanNotFound("Resource was not found.") : dicts.Resource(d, d.Resources[index], index, direct);
    }

    public async Task<object> OrganizationListAsync(CkanRequest r, CancellationToken ct)
    {
        var counts = await catalog.Datasets.GroupBy(d => d.DepartmentId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var orgs = (await db.Departments.AsNoTracking().Where(d => !d.IsRetired).ToListAsync(ct))
            .Select(d => dicts.Organization(d.Id, d.Code, d.Name, Launch, counts.GetValueOrDefault(d.Id))).ToList();
        return List(r, orgs);
    }

    public async Task<object> GroupListAsync(CkanRequest r, CancellationToken ct)
    {
        var counts = await catalog.Datasets.GroupBy(d => d.DomainId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var groups = (await db.Domains.AsNoTracking().Where(d => !d.IsRetired).OrderBy(d => d.SortOrder).ToListAsync(ct))
            .Select(d => dicts.Group(d.Id, d.Name, Launch, counts.GetValueOrDefault(d.Id))).ToList();
        return List(r, groups);
    }

    public async Task<CkanGroup> OrganizationShowAsync(CkanRequest r, bool direct, CancellationToken ct)
    {
        var id = Required(r, "id");
        var number = int.TryParse(id, out var n) ? n : -1;
        var org = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => (d.Code == id || d.Id == number) && !d.IsRetired, ct)
            ?? throw new CkanNotFound("Organization was not found.");
        var (count, packages) = await MembersAsync(r, $"organization:{org.Code}", direct, ct);
        return dicts.Organization(org.Id, org.Code, org.Name, Launch, count, packages);
    }

    public async Task<CkanGroup> GroupShowAsync(CkanRequest r, bool direct, CancellationToken ct)
    {
        var id = CkanDicts.DomainId(Required(r, "id"));
        var domain = await db.Domains.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && !d.IsRetired, ct)
            ?? throw new CkanNotFound("Group was not found.");
        var (count, packages) = await MembersAsync(r, $"groups:{CkanDicts.GroupName(domain.Id)}", direct, ct);
        return dicts.Group(domain.Id, domain.Name, Launch, count, packages);
    }

    public async Task<List<string>> TagListAsync(CkanRequest r, CancellationToken ct)
    {
        var query = r.String("query")?.Trim();
        var tags = (await catalog.Datasets.Select(d => d.Tags).ToListAsync(ct)).SelectMany(Datasets.DatasetQueries.SplitList).Distinct();
        if (!string.IsNullOrEmpty(query)) tags = tags.Where(t => t.Contains(query, StringComparison.OrdinalIgnoreCase));
        return tags.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>CKAN 2.11 lists a group's datasets (at most 10 unless include_datasets is off) through package_search.</summary>
    private async Task<(int, IReadOnlyList<CkanPackage>?)> MembersAsync(CkanRequest r, string fq, bool direct, CancellationToken ct)
    {
        var include = r.Bool("include_datasets", false);
        var found = await search.SearchAsync(new CkanRequest(new()
        {
            ["fq"] = System.Text.Json.JsonSerializer.SerializeToElement(fq),
            ["rows"] = System.Text.Json.JsonSerializer.SerializeToElement(include ? 10 : 0),
        }), direct, ct);
        return (found.Count, include ? found.Results : null);
    }

    /// <summary>Names by default; full dicts with all_fields. sort: name, title or package_count, asc or desc.</summary>
    private static object List(CkanRequest r, List<CkanGroup> items)
    {
        var sort = (r.String("sort") ?? "title asc").Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var desc = sort.Length > 1 && sort[1] == "desc";
        IEnumerable<CkanGroup> sorted = (sort.FirstOrDefault() ?? "title") switch
        {
            "name" => desc ? items.OrderByDescending(i => i.Name, StringComparer.Ordinal) : items.OrderBy(i => i.Name, StringComparer.Ordinal),
            "package_count" => desc || sort.Length == 1 ? items.OrderByDescending(i => i.PackageCount) : items.OrderBy(i => i.PackageCount),
            "title" => desc ? items.OrderByDescending(i => i.Title, StringComparer.Ordinal) : items.OrderBy(i => i.Title, StringComparer.Ordinal),
            _ => throw new CkanValidation("sort", "Cannot sort by field `" + sort[0] + "`"),
        };
        var (limit, offset) = Paging(r);
        sorted = sorted.Skip(offset);
        if (limit is { } n) sorted = sorted.Take(n);
        return r.Bool("all_fields", false) ? sorted.ToList() : sorted.Select(i => i.Name).ToList();
    }

    private static (int? Limit, int Offset) Paging(CkanRequest r) => (r.Int("limit", 0), r.Int("offset", 0) ?? 0);

    private static string Required(CkanRequest r, string key) =>
        r.String(key)?.Trim() is { Length: > 0 } v ? v : throw new CkanValidation(key, "Missing value");
}
