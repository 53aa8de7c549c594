using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Maps;

/// <summary>
/// The public layer list: point layers whose scan is of the table served now, and GeoJSON resources, of published
/// datasets open to everyone (有条件开放 data never appears on the shared map).
/// </summary>
public sealed class MapQueries(PortalDbContext db)
{
    public async Task<MapLayerListDto> LayersAsync(CancellationToken ct)
    {
        var all = await QueryAsync(null, ct);
        return new MapLayerListDto(all, all.Count);
    }

    /// <summary>The layers of one dataset (its map tab and button).</summary>
    public Task<List<MapLayerDto>> DatasetLayersAsync(string slug, CancellationToken ct) => QueryAsync(slug, ct);

    private async Task<List<MapLayerDto>> QueryAsync(string? slug, CancellationToken ct)
    {
        var open = db.Resources.AsNoTracking().Where(r => r.Dataset!.IsPublished && r.Dataset.OpenCondition == OpenCondition.Open);
        if (slug is not null) open = open.Where(r => r.Dataset!.Slug == slug);
        var points = await open
            .Join(db.MapLayers.Where(l => (l.State == MapLayerState.Detected || l.State == MapLayerState.Confirmed) && l.ValidCount > 0),
                r => r.Id, l => l.ResourceId, (r, l) => new { r, l })
            .Where(x => x.r.Versions.Any(v => v.Number == x.r.CurrentVersion && v.TableName == x.l.TableName))
            .Select(x => new MapLayerDto(x.r.Dataset!.Slug, x.r.Id, x.r.Dataset.Title, x.r.Name, x.r.Dataset.Domain!.Name, x.r.Dataset.DomainId,
                x.r.Dataset.Department!.Name, x.l.ValidCount, x.l.Crs, "point", x.r.Dataset.IsSample))
            .ToListAsync(ct);
        var shapes = await open.Where(r => r.Format == "GEOJSON")
            .Select(r => new MapLayerDto(r.Dataset!.Slug, r.Id, r.Dataset.Title, r.Name, r.Dataset.Domain!.Name, r.Dataset.DomainId,
                r.Dataset.Department!.Name, 0, "wgs84", "geojson", r.Dataset.IsSample))
            .ToListAsync(ct);
        return points.Concat(shapes).OrderBy(l => l.DomainId).ThenBy(l => l.Title).ThenBy(l => l.ResourceId).ToList();
    }
}
