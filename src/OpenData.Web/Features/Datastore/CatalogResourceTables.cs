using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Features.Datastore.Jobs;

namespace OpenData.Web.Features.Datastore;

/// <summary>
/// <see cref="IResourceTables"/> over the catalog: the served table is that of the resource's current version,
/// which the ingestion job switches only after a load committed (so a loading or failed new version never shows).
/// </summary>
public sealed class CatalogResourceTables(PortalDbContext db) : IResourceTables
{
    public async Task<ResourceTable?> CurrentAsync(int resourceId, CancellationToken ct)
    {
        var current = await db.Resources.AsNoTracking().Where(r => r.Id == resourceId).Select(r => (int?)r.CurrentVersion).FirstOrDefaultAsync(ct);
        return current is { } n ? await VersionAsync(resourceId, n, ct) : null;
    }

    public async Task<ResourceTable?> VersionAsync(int resourceId, int versionNumber, CancellationToken ct)
    {
        var v = await db.ResourceVersions.AsNoTracking().Where(x => x.ResourceId == resourceId && x.Number == versionNumber && x.TableName != null)
            .Select(x => new { x.TableName, x.ColumnsJson, x.RowCount }).FirstOrDefaultAsync(ct);
        if (v is null) return null;
        var columns = JsonSerializer.Deserialize<List<DatastoreColumn>>(v.ColumnsJson ?? "[]", IngestionJobRunner.Json) ?? [];
        return new ResourceTable(resourceId, versionNumber, v.TableName!, columns, v.RowCount ?? 0);
    }
}
