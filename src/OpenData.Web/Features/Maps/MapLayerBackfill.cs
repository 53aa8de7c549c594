using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Features.Datastore;

namespace OpenData.Web.Features.Maps;

/// <summary>
/// At start, judges the served tables that no scan has seen yet (a database from before the map service, or a
/// load whose follow-up failed). Only tables without a current scan are read, so a normal start reads none.
/// </summary>
public sealed class MapLayerBackfill(PortalDbContext db, IResourceTables tables, MapLayerDetector detector, ILogger<MapLayerBackfill> log)
    : Infrastructure.Data.IStartupSeeder
{
    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var pending = await db.ResourceVersions.AsNoTracking()
            .Where(v => v.Number == v.Resource!.CurrentVersion && v.TableName != null
                        && !db.MapLayers.Any(l => l.ResourceId == v.ResourceId && l.TableName == v.TableName))
            .Select(v => v.ResourceId).ToListAsync(ct);
        foreach (var id in pending)
            try
            {
                if (await tables.CurrentAsync(id, ct) is { } table) await detector.LoadedAsync(id, table, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Map layer scan of resource {Resource} failed", id); }
    }
}
