using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace OpenData.Web.Features.Maps.Pages;

/// <summary>The JSON map.js boots from (in a data attribute, which the renderer HTML-encodes): base map, layers, colours, view.</summary>
public static class MapConfig
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Json(BaseMapDto b, IReadOnlyList<MapLayerDto> all, IReadOnlySet<string> active, IReadOnlyDictionary<string, string> colors,
        string? center, string? zoom, bool embed)
    {
        double[]? c = null;
        var parts = (center ?? "").Split(',');
        if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lng) && Math.Abs(lat) <= 90 && Math.Abs(lng) <= 180)
            c = [lat, lng];
        return JsonSerializer.Serialize(new
        {
            crs = b.Crs, tileUrl = b.TileUrl, attribution = b.Attribution, subdomains = b.Subdomains, embed,
            center = c, zoom = double.TryParse(zoom, NumberStyles.Float, CultureInfo.InvariantCulture, out var z) && z is >= 3 and <= 18 ? z : (double?)null,
            layers = all.Select(l => new { key = l.Key, l.Slug, l.ResourceId, l.Title, l.ResourceName, l.Kind, color = colors[l.Key], l.Count }),
            active = all.Where(l => active.Contains(l.Key)).Select(l => l.Key),
        }, Web);
    }
}
