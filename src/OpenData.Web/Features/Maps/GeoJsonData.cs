using System.Text.Json;

namespace OpenData.Web.Features.Maps;

/// <summary>One feature of a GeoJSON file: its geometry (kept as parsed JSON), properties and bounding box.</summary>
public sealed record GeoFeature(JsonElement Geometry, JsonElement? Properties, Box Bounds);

/// <summary>A parsed GeoJSON file, or the reason (in Chinese) it is not one.</summary>
public sealed record GeoJsonParse(IReadOnlyList<GeoFeature> Features, string? Error, int Skipped)
{
    public bool Ok => Error is null;
}

/// <summary>
/// Reads GeoJSON resources and boundary uploads: a FeatureCollection, a bare array of features, or one feature.
/// Features without a usable geometry are skipped and counted, so one bad feature does not hide the rest.
/// </summary>
public static class GeoJsonData
{
    private static readonly HashSet<string> Types = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"];

    public static GeoJsonParse Parse(ReadOnlyMemory<byte> bytes)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true }); }
        catch (JsonException) { return new([], "文件不是有效的 JSON，无法作为 GeoJSON 读取。", 0); }
        var root = doc.RootElement;
        IEnumerable<JsonElement> items = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray(),
            JsonValueKind.Object when Str(root, "type") == "FeatureCollection" && root.TryGetProperty("features", out var fs) && fs.ValueKind == JsonValueKind.Array => fs.EnumerateArray(),
            JsonValueKind.Object when Str(root, "type") == "Feature" => [root],
            _ => [],
        };
        var list = new List<GeoFeature>();
        var skipped = 0;
        foreach (var f in items)
        {
            if (f.ValueKind != JsonValueKind.Object || Str(f, "type") != "Feature" || !f.TryGetProperty("geometry", out var g)
                || g.ValueKind != JsonValueKind.Object || !Types.Contains(Str(g, "type") ?? "") || !g.TryGetProperty("coordinates", out var c)
                || Bounds(c) is not { } box)
            {
                skipped++;
                continue;
            }
            list.Add(new GeoFeature(g, f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : null, box));
        }
        if (list.Count == 0)
            return new([], skipped > 0 ? $"文件中的 {skipped} 个要素都没有有效的几何图形（坐标）。" : "文件不是 GeoJSON：需要 FeatureCollection 或要素（Feature）数组。", skipped);
        return new(list, null, skipped);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The box of nested coordinate arrays; null when any position is not two finite numbers.</summary>
    internal static Box? Bounds(JsonElement coords)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        var ok = Walk(coords, (x, y) => { minX = Math.Min(minX, x); maxX = Math.Max(maxX, x); minY = Math.Min(minY, y); maxY = Math.Max(maxY, y); });
        return ok && minX <= maxX ? new Box(minX, minY, maxX, maxY) : null;
    }

    private static bool Walk(JsonElement e, Action<double, double> visit)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() == 0) return false;
        if (e[0].ValueKind == JsonValueKind.Number)
        {
            if (e.GetArrayLength() < 2 || !e[0].TryGetDouble(out var x) || !e[1].TryGetDouble(out var y) || Math.Abs(x) > 180 || Math.Abs(y) > 90) return false;
            visit(x, y);
            return true;
        }
        foreach (var child in e.EnumerateArray())
            if (!Walk(child, visit)) return false;
        return true;
    }

    /// <summary>Writes a geometry with every position converted between coordinate systems.</summary>
    public static void WriteGeometry(Utf8JsonWriter w, JsonElement geometry, CoordinateSystem from, CoordinateSystem to)
    {
        w.WriteStartObject();
        w.WriteString("type", geometry.GetProperty("type").GetString());
        w.WritePropertyName("coordinates");
        WriteCoords(w, geometry.GetProperty("coordinates"), from, to);
        w.WriteEndObject();
    }

    private static void WriteCoords(Utf8JsonWriter w, JsonElement e, CoordinateSystem from, CoordinateSystem to)
    {
        w.WriteStartArray();
        if (e[0].ValueKind == JsonValueKind.Number)
        {
            var (x, y) = CoordinateConverter.Convert(e[0].GetDouble(), e[1].GetDouble(), from, to);
            w.WriteNumberValue(Math.Round(x, 6));
            w.WriteNumberValue(Math.Round(y, 6));
        }
        else
            foreach (var child in e.EnumerateArray()) WriteCoords(w, child, from, to);
        w.WriteEndArray();
    }
}
