using System.Globalization;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Datasets.Demo;

/// <summary>The context of one generated row: seeded randomness, its county, township, point and date.</summary>
public sealed class DemoRow(Random r)
{
    public Random R { get; } = r;
    public int I { get; set; }
    public DemoCounty County { get; set; } = null!;
    public string Town { get; set; } = "";
    public double Lon { get; set; }
    public double Lat { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The row's values so far, by column name: a column that depends on another (AQI → 等级) reads it here.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
    public int IntOf(string column) => int.Parse(Values[column], CultureInfo.InvariantCulture);

    private static readonly string[] Surnames = ["叶", "吴", "陈", "李", "周", "刘", "王", "张", "潘", "雷", "蓝", "钟", "毛", "徐", "季", "梅", "杨", "朱"];
    private static readonly string[] Given = ["建国", "丽华", "志强", "晓燕", "国平", "海军", "美琴", "伟", "芳", "军", "敏", "红梅", "浩", "婷", "云飞", "雪芬"];
    private static readonly string[] Roads = ["人民街", "解放街", "中山街", "花园路", "丽阳街", "括苍路", "紫金路", "江滨路", "环城路", "府前路", "新华街", "城东路"];
    private static readonly string[] Words = ["瓯江", "丽阳", "括苍", "山水", "绿谷", "华侨", "明珠", "江滨", "云景", "青瓷", "宝剑", "仙都", "好川", "白云", "天宁", "万象"];

    public string Pick(params string[] xs) => xs[R.Next(xs.Length)];
    public string Int(int min, int max) => R.Next(min, max + 1).ToString(CultureInfo.InvariantCulture);
    public string Dec(double min, double max, int digits = 1) =>
        Math.Round(min + R.NextDouble() * (max - min), digits).ToString("F" + digits, CultureInfo.InvariantCulture);
    public string Phone() => $"0578-{R.Next(2000000, 8999999)}";
    public string Mobile() => $"1{Pick("3", "5", "8")}{R.Next(100000000, 999999999)}";
    public string Address() => $"浙江省丽水市{County.Name}{Town}{Pick(Roads)}{R.Next(1, 300)}号";
    public string Person() => Pick(Surnames) + Pick(Given);
    public string Word() => Pick(Words);
    public string Company(params string[] trades) => $"{Pick(County.Short, "丽水")}{Word()}{Pick(trades)}有限公司";
    public string Day(int backDays = 1500) => Date != default ? Iso(Date) : Iso(new DateOnly(2026, 10, 31).AddDays(-R.Next(backDays)));
    public string Month() => Date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    public string CreditCode() => "9133" + R.Next(1100, 1199) + string.Concat(Enumerable.Range(0, 10).Select(_ => "0123456789ABCDEFGHJKLMNPQRTUWXY"[R.Next(31)]));
    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record DemoColumn(string Name, string Type, string Unit, string Description, Func<DemoRow, string> Value);

/// <summary>One demo dataset. Series: Groups rows per date (9 = one per county), StepDays apart, ending recently.</summary>
public sealed record DemoSpec(
    string Slug, string Title, string Dept, int Domain, string Tags, string Summary, UpdateFrequency Frequency, int Rows,
    DemoColumn[] Columns)
{
    public bool Restricted { get; init; }
    /// <summary>Adcode when the dataset covers one county only.</summary>
    public string? County { get; init; }
    public int Groups { get; init; }
    public int StepDays { get; init; } = 1;
    /// <summary>Number of uploaded versions (历史数据); earlier ones hold fewer rows.</summary>
    public int Versions { get; init; } = 1;
    /// <summary>Days since the last data update; beyond the declared frequency shows 逾期.</summary>
    public int AgeDays { get; init; } = 3;
    public string? ResourceName { get; init; }
}

/// <summary>Column shorthands for the demo specs.</summary>
public static class Col
{
    public static DemoColumn Text(string name, Func<DemoRow, string> v, string desc = "") => new(name, "text", "", desc, v);
    public static DemoColumn Int(string name, string unit, int min, int max, string desc = "") => new(name, "integer", unit, desc, r => r.Int(min, max));
    public static DemoColumn Dec(string name, string unit, double min, double max, int digits = 1, string desc = "") =>
        new(name, "decimal", unit, desc, r => r.Dec(min, max, digits));
    public static DemoColumn Pick(string name, params string[] options) => new(name, "text", "", "", r => r.Pick(options));
    public static DemoColumn Date(string name, string desc = "") => new(name, "date", "", desc, r => r.Day());
    public static readonly DemoColumn Seq = new("序号", "integer", "", "行号", r => (r.I + 1).ToString(CultureInfo.InvariantCulture));
    public static readonly DemoColumn County = new("区县", "text", "", "所在区县（市）", r => r.County.Name);
    public static readonly DemoColumn Town = new("乡镇（街道）", "text", "", "所在乡镇或街道", r => r.Town);
    public static readonly DemoColumn Address = new("地址", "text", "", "详细地址", r => r.Address());
    public static readonly DemoColumn Phone = new("联系电话", "text", "", "对外联系电话", r => r.Phone());
    public static readonly DemoColumn Lon = new("经度", "decimal", "度", "WGS-84 坐标经度", r => r.Lon.ToString("F6", CultureInfo.InvariantCulture));
    public static readonly DemoColumn Lat = new("纬度", "decimal", "度", "WGS-84 坐标纬度", r => r.Lat.ToString("F6", CultureInfo.InvariantCulture));
    public static readonly DemoColumn Credit = new("统一社会信用代码", "text", "", "18 位统一社会信用代码", r => r.CreditCode());
}
