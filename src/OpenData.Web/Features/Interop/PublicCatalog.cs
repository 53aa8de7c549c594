using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;

namespace OpenData.Web.Features.Interop;

public sealed record PublicDataset(
    int Id, string Slug, string Title, string Summary, int OrgId, string OrgCode, string OrgName, int DomainId, string DomainName,
    IReadOnlyList<string> Tags, UpdateFrequency Frequency, string? CountyCode, string? CountyName, string TimeCoverage,
    string SpatialCoverage, string Contact, string Licence, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt, IReadOnlyList<PublicResource> Resources, IReadOnlyList<PublicField> Fields)
{
    public DateTimeOffset Issued => PublishedAt ?? CreatedAt;
}

public sealed record PublicResource(
    int Id, string Name, string Format, string ApiCode, long? RowCount, int Version, long Size, string MediaType,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool HasTable);

public sealed record PublicField(string Name, string Type, string Description, string Unit);

/// <summary>
/// What the machine-readable catalog may show: published datasets that are 无条件开放. Every interop document
/// (CKAN, DCAT, schema.org, datapackage, sitemap, feed) reads through here, so 有条件开放 and unpublished
/// datasets cannot leak through one of them by a forgotten filter.
/// </summary>
public sealed class PublicCatalog(PortalDbContext db)
{
    public IQueryable<Dataset> Datasets => db.Datasets.AsNoTracking().Where(d => d.IsPublished && d.OpenCondition == OpenCondition.Open);

    public async Task<PublicDataset?> FindAsync(string slug, CancellationToken ct) =>
        (await LoadAsync(Datasets.Where(d => d.Slug == slug), ct)).FirstOrDefault();

    /// <summary>The given datasets in full, in the order of <paramref name="ids"/>.</summary>
    public async Task<List<PublicDataset>> LoadAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var byId = (await LoadAsync(Datasets.Where(d => ids.Contains(d.Id)), ct)).ToDictionary(d => d.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    private static async Task<List<PublicDataset>> LoadAsync(IQueryable<Dataset> q, CancellationToken ct)
    {
        var rows = await q.AsSplitQuery()
            .Include(d => d.Department).Include(d => d.Domain).Include(d => d.County)
            .Include(d => d.Fields.OrderBy(f => f.Position))
            .Include(d => d.Resources.OrderBy(r => r.Id)).ThenInclude(r => r.Versions)
            .ToListAsync(ct);
        return rows.Select(d => new PublicDataset(
            d.Id, d.Slug, d.Title, d.Summary, d.DepartmentId, d.Department!.Code, d.Department.Name, d.DomainId, d.Domain!.Name,
            DatasetQueries.SplitList(d.Tags), d.UpdateFrequency, d.CountyCode, d.County?.Name, d.TimeCoverage, d.SpatialCoverage,
            d.Contact, d.Licence, d.CreatedAt, d.PublishedAt, d.UpdatedAt,
            d.Resources.Select(Resource).ToList(),
            d.Fields.Select(f => new PublicField(f.Name, f.Type, f.Description, f.Unit)).ToList())).ToList();
    }

    private static PublicResource Resource(Resource r)
    {
        var v = r.Versions.FirstOrDefault(x => x.Number == r.CurrentVersion);
        return new PublicResource(r.Id, r.Name, r.Format, r.ApiCode, r.RowCount, r.CurrentVersion, v?.Size ?? 0,
            MediaTypes.Of(r.Format, v?.ContentType), r.CreatedAt, r.UpdatedAt, v?.TableName is not null);
    }
}

/// <summary>IANA media types of the platform's formats (the stored content type when the format is unknown).</summary>
public static class MediaTypes
{
    public static string Of(string format, string? stored = null) => format.ToUpperInvariant() switch
    {
        "CSV" => "text/csv",
        "XLSX" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "XLS" => "application/vnd.ms-excel",
        "JSON" => "application/json",
        "XML" => "application/xml",
        "PDF" => "application/pdf",
        "ZIP" => "application/zip",
        "GEOJSON" => "application/geo+json",
        _ => string.IsNullOrEmpty(stored) ? "application/octet-stream" : stored,
    };
}
