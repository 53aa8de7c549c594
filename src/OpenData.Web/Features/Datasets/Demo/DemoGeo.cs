using System.Text.Json;

namespace OpenData.Web.Features.Datasets.Demo;

/// <summary>A county of Lishui with real township names and its boundary, for plausible demo rows.</summary>
public sealed record DemoCounty(string Code, string Name, string Short, string[] Townships, double[][][] Rings)
{
    /// <summary>A random point inside the county's boundary (rejection sampling in the bounding box).</summary>
    private (double MinX, double MaxX, double MinY, double MaxY)? _box;

    public (double Lon, double Lat) RandomPoint(Random r)
    {
        var all = Rings[0];
        _box ??= (Rings.Min(g => g.Min(p => p[0])), Rings.Max(g => g.Max(p => p[0])), Rings.Min(g => g.Min(p => p[1])), Rings.Max(g => g.Max(p => p[1])));
        var (minX, maxX, minY, maxY) = _box.Value;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var x = minX + r.NextDouble() * (maxX - minX);
            var y = minY + r.NextDouble() * (maxY - minY);
            if (Rings.Any(ring => Inside(ring, x, y))) return (Math.Round(x, 6), Math.Round(y, 6));
        }
        return (Math.Round(all[0][0], 6), Math.Round(all[0][1], 6));
    }

    private static bool Inside(double[][] ring, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            if ((ring[i][1] > y) != (ring[j][1] > y) &&
                x < (ring[j][0] - ring[i][0]) * (y - ring[i][1]) / (ring[j][1] - ring[i][1]) + ring[i][0])
                inside = !inside;
        return inside;
    }
}

public static class DemoGeo
{
    private static readonly Dictionary<string, (string Short, string[] Towns)> Towns = new()
    {
        ["331102"] = ("莲都", ["紫金街道", "岩泉街道", "万象街道", "白云街道", "联城街道", "南明山街道", "碧湖镇", "大港头镇", "老竹畲族镇", "雅溪镇", "仙渡乡", "峰源乡", "丽新畲族乡"]),
        ["331121"] = ("青田", ["鹤城街道", "瓯南街道", "油竹街道", "三溪口街道", "温溪镇", "东源镇", "高湖镇", "腊口镇", "船寮镇", "海口镇", "北山镇", "山口镇", "仁庄镇", "阜山乡", "方山乡"]),
        ["331122"] = ("缙云", ["五云街道", "新碧街道", "仙都街道", "壶镇镇", "新建镇", "舒洪镇", "大洋镇", "东渡镇", "东方镇", "双溪口乡", "前路乡", "三溪乡"]),
        ["331123"] = ("遂昌", ["妙高街道", "云峰街道", "北界镇", "金竹镇", "大柘镇", "石练镇", "王村口镇", "黄沙腰镇", "新路湾镇", "湖山乡", "焦滩乡"]),
        ["331124"] = ("松阳", ["西屏街道", "水南街道", "望松街道", "古市镇", "象溪镇", "大东坝镇", "新兴镇", "玉岩镇", "四都乡", "赤寿乡"]),
        ["331125"] = ("云和", ["浮云街道", "元和街道", "白龙山街道", "凤凰山街道", "崇头镇", "紧水滩镇", "石塘镇", "雾溪畲族乡", "安溪畲族乡"]),
        ["331126"] = ("庆元", ["松源街道", "屏都街道", "濛洲街道", "黄田镇", "竹口镇", "荷地镇", "左溪镇", "贤良镇", "百山祖镇", "举水乡"]),
        ["331127"] = ("景宁", ["红星街道", "鹤溪街道", "渤海镇", "东坑镇", "英川镇", "沙湾镇", "大均乡", "澄照乡", "梧桐乡"]),
        ["331181"] = ("龙泉", ["龙渊街道", "西街街道", "剑池街道", "八都镇", "上垟镇", "小梅镇", "查田镇", "安仁镇", "锦溪镇", "住龙镇", "宝溪乡", "竹垟畲族乡"]),
    };

    private static readonly Lazy<IReadOnlyList<DemoCounty>> Loaded = new(Load);

    /// <summary>The nine counties in adcode order.</summary>
    public static IReadOnlyList<DemoCounty> Counties => Loaded.Value;

    private static IReadOnlyList<DemoCounty> Load()
    {
        using var stream = typeof(DemoGeo).Assembly.GetManifestResourceStream("lishui-counties.geojson")
            ?? throw new InvalidOperationException("lishui-counties.geojson is not embedded");
        using var doc = JsonDocument.Parse(stream);
        var list = new List<DemoCounty>();
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            var code = p.GetProperty("adcode").GetInt32().ToString();
            var rings = f.GetProperty("geometry").GetProperty("coordinates").EnumerateArray()
                .Select(poly => poly[0].EnumerateArray().Select(pt => new[] { pt[0].GetDouble(), pt[1].GetDouble() }).ToArray())
                .ToArray();
            var (shortName, towns) = Towns[code];
            list.Add(new DemoCounty(code, p.GetProperty("name").GetString()!, shortName, towns, rings));
        }
        return list.OrderBy(c => c.Code).ToList();
    }
}
