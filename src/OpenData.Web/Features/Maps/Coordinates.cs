namespace OpenData.Web.Features.Maps;

/// <summary>
/// The coordinate systems met in China: WGS-84 (GPS; CGCS2000 differs by centimetres and is treated as the same),
/// GCJ-02 (the state-mandated offset used by AMap, Tencent and most Chinese tile services) and BD-09 (Baidu).
/// </summary>
public enum CoordinateSystem { Wgs84, Gcj02, Bd09 }

public static class CoordinateSystems
{
    public static string Code(CoordinateSystem c) => c switch { CoordinateSystem.Gcj02 => "gcj02", CoordinateSystem.Bd09 => "bd09", _ => "wgs84" };

    public static string Label(CoordinateSystem c) => c switch
    {
        CoordinateSystem.Gcj02 => "GCJ-02（国测局，高德/腾讯）",
        CoordinateSystem.Bd09 => "BD-09（百度）",
        _ => "WGS-84 / CGCS2000（GPS、天地图）",
    };

    /// <summary>Accepts the codes and the usual spellings (WGS84, cgcs2000, EPSG:4326, gcj-02, bd-09…).</summary>
    public static CoordinateSystem? Parse(string? text) =>
        (text ?? "").Trim().ToLowerInvariant().Replace("-", "").Replace("_", "") switch
        {
            "" or "wgs84" or "cgcs2000" or "epsg:4326" or "epsg:4490" or "4326" or "4490" => CoordinateSystem.Wgs84,
            "gcj02" or "gcj" or "mars" => CoordinateSystem.Gcj02,
            "bd09" or "bd09ll" or "baidu" => CoordinateSystem.Bd09,
            _ => null,
        };
}

/// <summary>China's extent in degrees: points outside it are flagged, not drawn (and the offsets do not apply there).</summary>
public static class ChinaExtent
{
    public const double MinLng = 73.4, MaxLng = 135.1, MinLat = 3.8, MaxLat = 53.6;
    public static bool Contains(double lng, double lat) => lng is >= MinLng and <= MaxLng && lat is >= MinLat and <= MaxLat;
}

/// <summary>
/// Conversions between WGS-84, GCJ-02 and BD-09, the one place that does them (data to base map, base map to
/// API callers). GCJ-02 is the published Krasovsky-ellipsoid offset; the reverse is iterated to under a centimetre,
/// not the usual one-step approximation that is off by metres.
/// </summary>
public static class CoordinateConverter
{
    private const double A = 6378245.0, Ee = 0.00669342162296594323, XPi = Math.PI * 3000.0 / 180.0;

    public static (double Lng, double Lat) Convert(double lng, double lat, CoordinateSystem from, CoordinateSystem to)
    {
        if (from == to) return (lng, lat);
        var (x, y) = from switch
        {
            CoordinateSystem.Gcj02 => Gcj02ToWgs84(lng, lat),
            CoordinateSystem.Bd09 => Gcj02ToWgs84(Bd09ToGcj02(lng, lat)),
            _ => (lng, lat),
        };
        return to switch
        {
            CoordinateSystem.Gcj02 => Wgs84ToGcj02(x, y),
            CoordinateSystem.Bd09 => Gcj02ToBd09(Wgs84ToGcj02(x, y)),
            _ => (x, y),
        };
    }

    public static (double Lng, double Lat) Wgs84ToGcj02(double lng, double lat)
    {
        if (!ChinaExtent.Contains(lng, lat)) return (lng, lat);
        var dLat = TransformLat(lng - 105.0, lat - 35.0);
        var dLng = TransformLng(lng - 105.0, lat - 35.0);
        var radLat = lat / 180.0 * Math.PI;
        var magic = Math.Sin(radLat);
        magic = 1 - Ee * magic * magic;
        var sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (A * (1 - Ee) / (magic * sqrtMagic) * Math.PI);
        dLng = dLng * 180.0 / (A / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (lng + dLng, lat + dLat);
    }

    /// <summary>Inverts <see cref="Wgs84ToGcj02"/> by fixed-point iteration (the offset varies slowly, so it converges fast).</summary>
    public static (double Lng, double Lat) Gcj02ToWgs84(double lng, double lat)
    {
        if (!ChinaExtent.Contains(lng, lat)) return (lng, lat);
        double x = lng, y = lat;
        for (var i = 0; i < 10; i++)
        {
            var (gx, gy) = Wgs84ToGcj02(x, y);
            double dx = gx - lng, dy = gy - lat;
            x -= dx;
            y -= dy;
            if (Math.Abs(dx) < 1e-9 && Math.Abs(dy) < 1e-9) break;
        }
        return (x, y);
    }

    private static (double, double) Gcj02ToWgs84((double Lng, double Lat) p) => Gcj02ToWgs84(p.Lng, p.Lat);

    public static (double Lng, double Lat) Gcj02ToBd09(double lng, double lat)
    {
        var z = Math.Sqrt(lng * lng + lat * lat) + 0.00002 * Math.Sin(lat * XPi);
        var theta = Math.Atan2(lat, lng) + 0.000003 * Math.Cos(lng * XPi);
        return (z * Math.Cos(theta) + 0.0065, z * Math.Sin(theta) + 0.006);
    }

    private static (double, double) Gcj02ToBd09((double Lng, double Lat) p) => Gcj02ToBd09(p.Lng, p.Lat);

    public static (double Lng, double Lat) Bd09ToGcj02(double lng, double lat)
    {
        double x = lng - 0.0065, y = lat - 0.006;
        var z = Math.Sqrt(x * x + y * y) - 0.00002 * Math.Sin(y * XPi);
        var theta = Math.Atan2(y, x) - 0.000003 * Math.Cos(x * XPi);
        return (z * Math.Cos(theta), z * Math.Sin(theta));
    }

    private static double TransformLat(double x, double y)
    {
        var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x));
        r += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double TransformLng(double x, double y)
    {
        var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x));
        r += (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}
