using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Jobs;

namespace OpenData.Web.Features.Maps;

/// <summary>
/// Recognises a point layer when a table is loaded (and again when the provider changes its choice): finds the
/// coordinate columns, scans their values, and records the figures the field page and the map show.
/// A provider's confirmed or rejected choice survives new versions as long as its columns still exist.
/// </summary>
public sealed class MapLayerDetector(PortalDbContext db, MapPoints points, TimeProvider clock) : IIngestionFollowUp
{
    public const string AddressOnlyNote = "该数据只有地址，没有经纬度坐标，不能直接作为地图图层。请在数据中增加“经度”“纬度”两列后重新上传。";

    public async Task LoadedAsync(int resourceId, ResourceTable table, CancellationToken ct)
    {
        var layer = await db.MapLayers.FirstOrDefaultAsync(l => l.ResourceId == resourceId, ct);
        var names = table.Columns.Select(c => c.Name).ToList();
        var kept = layer is { State: MapLayerState.Confirmed or MapLayerState.Rejected } && names.Contains(layer.LngField) && names.Contains(layer.LatField);
        var pair = kept ? new CoordinatePair(layer!.LngField, layer.LatField) : CoordinateColumns.Find(names);
        if (layer is null) db.MapLayers.Add(layer = new MapLayer { ResourceId = resourceId });
        if (!kept) layer.State = pair is null ? MapLayerState.None : MapLayerState.Detected;
        layer.Note = pair is null && CoordinateColumns.HasAddressOnly(names) ? AddressOnlyNote : "";
        layer.LngField = pair?.Lng ?? "";
        layer.LatField = pair?.Lat ?? "";
        await ScanAsync(layer, table, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Counts what the layer's columns hold in <paramref name="table"/>; the caller saves.</summary>
    public async Task ScanAsync(MapLayer layer, ResourceTable table, CancellationToken ct)
    {
        layer.TableName = table.TableName;
        layer.UpdatedAt = clock.GetUtcNow();
        if (layer.LngField.Length == 0)
        {
            (layer.ValidCount, layer.OutsideCount, layer.InvalidCount, layer.SwapSuggested) = (0, 0, 0, false);
            return;
        }
        var set = await points.GetAsync(table, new CoordinatePair(layer.LngField, layer.LatField), Crs(layer), ct);
        layer.ValidCount = set.Count;
        layer.OutsideCount = set.Outside;
        layer.InvalidCount = set.Invalid;
        layer.SwapSuggested = set.SwapSuggested;
        if (layer.State == MapLayerState.Detected && set.Count == 0)
        {
            layer.State = MapLayerState.None;
            layer.Note = set.SwapSuggested ? "经度、纬度两列疑似填反，请在数据项页面确认交换。" : "识别到坐标字段，但没有位于中国境内的有效坐标。";
        }
    }

    public static CoordinateSystem Crs(MapLayer layer) => CoordinateSystems.Parse(layer.Crs) ?? CoordinateSystem.Wgs84;
}
