namespace OpenData.Web.Features.Maps;

/// <summary>The columns judged to hold a point's longitude and latitude, or why a table has none.</summary>
public sealed record CoordinatePair(string Lng, string Lat);

/// <summary>
/// Recognises coordinate columns by their names (经度/纬度, 东经/北纬, lng/lat, lon/lat, longitude/latitude, x/y);
/// the values are judged afterwards by <see cref="PointScan"/> (within China's extent, swapped, empty).
/// Names only here: cheap, and it keeps the datastore's typing loop untouched (docs/performance.md).
/// </summary>
public static class CoordinateColumns
{
    private static readonly string[] LngExact = ["lng", "lon", "long", "longitude", "x", "x坐标", "坐标x", "gpsx", "经度", "东经"];
    private static readonly string[] LatExact = ["lat", "latitude", "y", "y坐标", "坐标y", "gpsy", "纬度", "北纬"];
    private static readonly string[] AddressWords = ["地址", "住址", "address", "地点", "位置", "门牌"];

    public static CoordinatePair? Find(IReadOnlyList<string> names)
    {
        var lng = Best(names, LngExact, ["经度", "东经", "longitude"]);
        var lat = Best(names, LatExact, ["纬度", "北纬", "latitude"]);
        return lng is null || lat is null || lng == lat ? null : new CoordinatePair(lng, lat);
    }

    /// <summary>True when the table locates its rows only by address: such a table is no layer (the page says so).</summary>
    public static bool HasAddressOnly(IReadOnlyList<string> names) =>
        Find(names) is null && names.Any(n => AddressWords.Any(w => Normalize(n).Contains(w, StringComparison.Ordinal)));

    /// <summary>An exact name wins over one that merely contains the word ("经度（WGS84）", "GPS经度").</summary>
    private static string? Best(IReadOnlyList<string> names, string[] exact, string[] words) =>
        names.FirstOrDefault(n => exact.Contains(Normalize(n)))
        ?? names.FirstOrDefault(n => words.Any(w => Normalize(n).Contains(w, StringComparison.Ordinal)));

    /// <summary>Lower case, without spaces, underscores and a bracketed note such as "（度）" or "(WGS-84)".</summary>
    internal static string Normalize(string name)
    {
        var s = name.Trim().ToLowerInvariant();
        foreach (var open in new[] { '（', '(' })
            if (s.IndexOf(open) is > 0 and var i) s = s[..i];
        return s.Replace(" ", "").Replace("_", "").Replace("-", "");
    }
}
