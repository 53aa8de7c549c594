using System.Buffers;
using System.Globalization;
using System.Text.Json;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Storage;

namespace OpenData.Web.Features.Maps;

/// <summary>
/// A point layer's view as a GeoJSON FeatureCollection: thinned by <see cref="PointGrid"/>, the shown rows' fields
/// read back by _id (only those rows, never the whole table). Also what scripts/bench/map measures.
/// </summary>
public sealed class PointLayerJson(IDatastore store)
{
    public async Task<byte[]> WriteAsync(ResourceTable table, PointSet set, Box view, LayerRequest req, CancellationToken ct)
    {
        var (marks, inView, clustered) = PointGrid.Select(set, view, req.Limit, req.Zoom);
        var rows = await RowsAsync(table, marks.Where(m => m.Count == 1).Select(m => m.Id).ToList(), ct);
        return Collection(req, inView, marks.Count, clustered, set.Outside, set.Invalid, w =>
        {
            foreach (var m in marks)
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                if (m.Count == 1) w.WriteNumber("id", m.Id);
                w.WriteStartObject("geometry");
                w.WriteString("type", "Point");
                var (x, y) = CoordinateConverter.Convert(m.Lng, m.Lat, CoordinateSystem.Wgs84, req.Crs);
                w.WriteStartArray("coordinates");
                w.WriteNumberValue(Math.Round(x, 6));
                w.WriteNumberValue(Math.Round(y, 6));
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteStartObject("properties");
                if (m.Count > 1) w.WriteNumber("_count", m.Count);
                else if (rows.TryGetValue(m.Id, out var values))
                    for (var i = 0; i < table.Columns.Count; i++) WriteValue(w, table.Columns[i].Name, values[i]);
                w.WriteEndObject();
                w.WriteEndObject();
            }
        });
    }

    /// <summary>The fields of the shown rows; ids come from the table itself, so they are written as integer literals.</summary>
    private async Task<Dictionary<long, object?[]>> RowsAsync(ResourceTable t, List<long> ids, CancellationToken ct)
    {
        var result = new Dictionary<long, object?[]>(ids.Count);
        if (ids.Count == 0) return result;
        await using var conn = await store.OpenAsync(ct);
        var cols = string.Join(", ", t.Columns.Select(c => DatastoreTables.CheckColumn(c.Column)));
        foreach (var chunk in ids.Chunk(1000))
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT _id, {cols} FROM {store.Dialect.Qualify(t.TableName)} WHERE _id IN ({string.Join(',', chunk.Select(i => i.ToString(CultureInfo.InvariantCulture)))})";
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var values = new object?[t.Columns.Count];
                for (var i = 0; i < values.Length; i++) values[i] = store.Dialect.FromDb(r.GetValue(i + 1), t.Columns[i].Type);
                result[Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture)] = values;
            }
        }
        return result;
    }

    internal static byte[] Collection(LayerRequest req, int total, int returned, bool clustered, long outside, long invalid, Action<Utf8JsonWriter> features)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteString("crs", CoordinateSystems.Code(req.Crs));
            w.WriteNumber("total", total);
            w.WriteNumber("returned", returned);
            w.WriteBoolean("clustered", clustered);
            w.WriteStartObject("skipped");
            w.WriteNumber("outside", outside);
            w.WriteNumber("invalid", invalid);
            w.WriteEndObject();
            w.WriteStartArray("features");
            features(w);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter w, string name, object? v)
    {
        switch (v)
        {
            case null: w.WriteNull(name); break;
            case long l: w.WriteNumber(name, l); break;
            case decimal m: w.WriteNumber(name, m); break;
            case double d: w.WriteNumber(name, d); break;
            case bool b: w.WriteBoolean(name, b); break;
            default: w.WriteString(name, Convert.ToString(v, CultureInfo.InvariantCulture)); break;
        }
    }
}
