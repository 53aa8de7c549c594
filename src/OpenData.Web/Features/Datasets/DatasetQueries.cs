#pragma warning disable CS9113 // stub signatures; bodies follow in the next commit
using System.Security.Claims;
using OpenData.Web.Data;

namespace OpenData.Web.Features.Datasets;

/// <summary>Reads of the catalog. Unpublished datasets are visible only to their department's providers and admins.</summary>
public sealed partial class DatasetQueries(PortalDbContext db, DatasetSearch search, TimeProvider clock)
{
    /// <summary>The list: keyword, filters, facets (each counted under the other filters), sort, paging.</summary>
    public Task<DatasetSearchResult> SearchAsync(DatasetSearchRequest request, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>One dataset by slug; null when missing or not visible to the user.</summary>
    public Task<DatasetDetailDto?> DetailAsync(string slug, ClaimsPrincipal user, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>关联信息: published datasets sharing domain, tags or field names, best first.</summary>
    public Task<IReadOnlyList<RelatedDatasetDto>> RelatedAsync(int datasetId, int take = 8, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>数据图谱 data for ECharts; null when the dataset is not visible.</summary>
    public Task<DatasetGraphDto?> GraphAsync(string slug, ClaimsPrincipal user, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>数据目录 by department.</summary>
    public Task<CatalogResult> CatalogAsync(CatalogRequest request, CancellationToken ct = default) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<OrganizationDto>> OrganizationsAsync(CancellationToken ct = default) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<DomainDto>> DomainsAsync(CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>The datasets a provider (own department) or admin (all) manages, including unpublished ones.</summary>
    public Task<IReadOnlyList<ManagedDatasetDto>> ManagedAsync(ClaimsPrincipal user, string? q = null, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>The edit form's current values; Forbidden for another department's provider.</summary>
    public Task<CommandResult<DatasetInput>> EditModelAsync(string slug, ClaimsPrincipal user, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>An ingestion job; visible to its dataset's managers.</summary>
    public Task<CommandResult<JobDto>> JobAsync(long id, ClaimsPrincipal user, CancellationToken ct = default) =>
        throw new NotImplementedException();
}
