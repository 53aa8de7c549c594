#pragma warning disable CS9113 // stub signatures; bodies follow in the next commit
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Features.Datasets;

/// <summary>Full-text search over the catalog (ADR 0020): the app segments, the database indexes.</summary>
public sealed partial class DatasetSearch(PortalDbContext db, DatabaseProviderInfo provider, ChineseSegmenter segmenter)
{
    /// <summary>Adds or refreshes the search document of a dataset in the same unit of work (call before SaveChanges).</summary>
    public Task IndexAsync(Dataset dataset, CancellationToken ct = default) => throw new NotImplementedException();
}
