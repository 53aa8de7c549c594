using Microsoft.Extensions.Caching.Memory;
using OpenData.Web.Features.Datastore;

namespace OpenData.Web.Features.Maps;

/// <summary>
/// The points of a served table, cached per node: a datastore table never changes after its load (a new version
/// is a new table), so the cache needs no invalidation; entries expire when unused. 100,000 points cost about
/// 2.4 MB, and reading them once saves a table scan per pan and zoom.
/// </summary>
public sealed class MapPoints(PointScan scan, IMemoryCache cache)
{
    public async Task<PointSet> GetAsync(ResourceTable table, CoordinatePair pair, CoordinateSystem crs, CancellationToken ct)
    {
        var key = $"map:points:{table.TableName}:{pair.Lng}:{pair.Lat}:{CoordinateSystems.Code(crs)}";
        if (cache.TryGetValue(key, out PointSet? set) && set is not null) return set;
        set = await scan.ReadAsync(table.TableName, table.Columns, pair, crs, ct);
        cache.Set(key, set, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(20), Size = set.Count / 1000 + 1 });
        return set;
    }
}
