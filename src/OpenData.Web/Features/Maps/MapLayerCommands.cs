using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Features.Datastore;

namespace OpenData.Web.Features.Maps;

/// <summary>What a provider sets on the field page: the coordinate columns, their system, and whether the resource is a layer.</summary>
public sealed record LayerChoice(string LngField, string LatField, string Crs, bool IsLayer, bool Swap = false);

/// <summary>The provider's side of a layer: read its status, confirm or correct it (authorization checked here).</summary>
public sealed class MapLayerCommands(PortalDbContext db, IResourceTables tables, MapLayerDetector detector)
{
    public async Task<IReadOnlyList<LayerStatusDto>?> StatusAsync(string slug, ClaimsPrincipal user, CancellationToken ct)
    {
        var resources = await ResourcesAsync(slug, user, ct);
        if (resources is null) return null;
        var list = new List<LayerStatusDto>();
        foreach (var (id, name) in resources)
        {
            var table = await tables.CurrentAsync(id, ct);
            if (table is null) continue;
            var l = await db.MapLayers.AsNoTracking().FirstOrDefaultAsync(x => x.ResourceId == id, ct) ?? new MapLayer { State = MapLayerState.None };
            list.Add(new LayerStatusDto(id, name, l.State.ToString().ToLowerInvariant(), l.LngField, l.LatField, l.Crs, l.ValidCount, l.OutsideCount,
                l.InvalidCount, l.SwapSuggested, l.Note, table.Columns.Select(c => c.Name).ToList()));
        }
        return list;
    }

    /// <summary>Saves the provider's choice and scans the served table again; returns an error message or null.</summary>
    public async Task<string?> SetAsync(string slug, int resourceId, LayerChoice choice, ClaimsPrincipal user, CancellationToken ct)
    {
        var resources = await ResourcesAsync(slug, user, ct);
        if (resources is null || resources.All(r => r.Id != resourceId)) return "没有管理该数据集的权限，或数据文件不存在。";
        var table = await tables.CurrentAsync(resourceId, ct);
        if (table is null) return "该数据文件还没有可用的数据表（非表格文件，或仍在处理中）。";
        var layer = await db.MapLayers.FirstOrDefaultAsync(x => x.ResourceId == resourceId, ct);
        if (layer is null) db.MapLayers.Add(layer = new MapLayer { ResourceId = resourceId });
        if (!choice.IsLayer)
        {
            layer.State = MapLayerState.Rejected;
        }
        else
        {
            var (lng, lat) = choice.Swap ? (choice.LatField, choice.LngField) : (choice.LngField, choice.LatField);
            var names = table.Columns.Select(c => c.Name).ToList();
            if (!names.Contains(lng) || !names.Contains(lat) || lng == lat) return "请选择两个不同的字段分别作为经度和纬度。";
            if (CoordinateSystems.Parse(choice.Crs) is not { } crs) return "请选择坐标系：WGS-84、GCJ-02 或 BD-09。";
            (layer.LngField, layer.LatField, layer.Crs, layer.State, layer.Note) = (lng, lat, CoordinateSystems.Code(crs), MapLayerState.Confirmed, "");
        }
        await detector.ScanAsync(layer, table, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<List<(int Id, string Name)>?> ResourcesAsync(string slug, ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await db.Datasets.AsNoTracking().Where(x => x.Slug == slug).Select(x => new { x.Id, Org = x.Department!.Code }).FirstOrDefaultAsync(ct);
        if (d is null || !DatasetAccess.CanManage(user, d.Org)) return null;
        return (await db.Resources.AsNoTracking().Where(r => r.DatasetId == d.Id).OrderBy(r => r.Id).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
            .Select(r => (r.Id, r.Name)).ToList();
    }
}
