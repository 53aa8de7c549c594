using System.Globalization;
using System.Text;

namespace OpenData.Web.Features.OpenIndex;

/// <summary>
/// One chart of /open-index and the table of the same numbers (shown beside it, readable without JavaScript, and
/// exported as CSV). Kind: bar (horizontal ranking), column, line, or "" for a table only. Series are column indexes.
/// </summary>
public sealed record ChartTable(string Id, string Section, string Title, string Kind, string Unit,
    IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows, int LabelColumn, IReadOnlyList<int> Series, string? Note = null);

public static class OpenIndexTables
{
    public static IReadOnlyList<ChartTable> From(OpenIndexReport r)
    {
        var s = r.Summary;
        var noDept = r.Department is null;
        List<ChartTable> t =
        [
            new("summary", "开放概况", "数据、接口、应用开放情况", "column", "个",
                ["类别", "开放总量", "本期新增", "增长率（%）"],
                [Open("数据集", s.Datasets), Open("数据接口", s.Apis), Open("应用成果", s.Apps), Open("受限数据授权", s.RestrictedGrants)], 0, [1, 2],
                "开放总量为时间范围结束时的数量；增长率为本期新增占期初总量的百分比。"),
            new("departments", "部门数据量与数据容量", "部门数据量排行", "bar", "个",
                ["部门", "数据集", "数据文件", "数据接口"],
                r.Departments.Select(d => new[] { d.ShortName, N(d.Datasets), N(d.Files), N(d.Apis) }).ToList(), 0, [1]),
            new("capacity", "部门数据量与数据容量", "数据容量排行", "bar", "行×字段",
                ["部门", "数据容量（行×字段）", "数据行数"],
                r.Departments.OrderByDescending(d => d.Capacity).ThenBy(d => d.Code, StringComparer.Ordinal)
                    .Select(d => new[] { d.ShortName, N(d.Capacity), N(d.Rows) }).ToList(), 0, [1]),
            Source("channels", "访问渠道", "渠道", r.Sources.Channels, "column"),
            Source("referrers", "来源网站", "来源", r.Sources.Referrers),
            Source("industries", "访问者行业", "行业", r.Sources.Industries),
            Source("occupations", "访问者职业", "职业", r.Sources.Occupations),
            Source("regions", "访问地区", "地区", r.Sources.Regions, note: "配置 IP 地址库后按地区统计，否则记为“未知”。"),
            new("domains", "领域开放排行", "领域开放排行", "bar", "个",
                ["领域", "数据集", "数据容量（行×字段）", "下载次数"],
                r.Domains.Select(d => new[] { d.Name, N(d.Datasets), N(d.Capacity), N(d.Downloads) }).ToList(), 0, [1, 3]),
            new("updates", "数据更新趋势", "每月发布与更新的数据集", "line", "个",
                ["月份", "新发布", "有数据更新"],
                r.Updates.Months.Select(m => new[] { m.Month, N(m.Published), N(m.Updated) }).ToList(), 0, [1, 2]),
            new("on-time", "数据更新趋势", "各部门按时更新率", "bar", "%",
                ["部门", "定期更新的数据集", "按时更新", "按时更新率（%）"],
                r.Updates.OnTime.Select(o => new[] { o.ShortName, N(o.Scheduled), N(o.OnTime), o.Rate.ToString("0.0", CultureInfo.InvariantCulture) }).ToList(), 0, [3],
                "按时更新率按当前状态计算：定期更新的数据集中未逾期的比例。"),
            Ranked("dataset-downloads", "数据集下载排行", "数据集", "下载次数", r.DatasetDownloads),
            Ranked("api-calls", "接口调用排行", "接口", "调用次数", r.ApiCalls),
        ];
        if (noDept) t.Add(Ranked("apps", "应用排行", "应用", "浏览与下载次数", r.Apps));
        t.Add(new("searches", "搜索热词", "搜索热词", "bar", "次", ["热词", "搜索次数"],
            r.HotSearches.Select(w => new[] { w.Word, N(w.Count) }).ToList(), 0, [1], noDept ? null : "搜索热词为全平台统计。"));
        var d = r.Demand;
        var reply = d.AverageReplyDays is { } days ? $"平均 {days.ToString("0.0", CultureInfo.InvariantCulture)} 天答复" : "暂无已答复的请求";
        t.Add(Demand("demand-domains", "按领域", "领域", d.ByDomain, $"本期共 {d.Total} 条数据请求，已答复 {d.Replied} 条，{reply}。"));
        if (noDept) t.Add(Demand("demand-departments", "按部门", "部门", d.ByDepartment));
        t.Add(Demand("demand-status", "按状态", "状态", d.ByStatus));
        return t;
    }

    public static string Csv(ChartTable t)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', t.Columns.Select(Cell)));
        foreach (var row in t.Rows) sb.AppendLine(string.Join(',', row.Select(Cell)));
        return sb.ToString();
    }

    /// <summary>Quotes as RFC 4180 and defuses spreadsheet formulas (a cell starting with = + - @ runs in Excel).</summary>
    private static string Cell(string v)
    {
        if (v.Length > 0 && "=+-@\t\r".Contains(v[0]) && !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) v = "'" + v;
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string[] Open(string label, Openness o) =>
        [label, N(o.Total), N(o.Added), o.GrowthPercent?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—"];

    private static ChartTable Source(string id, string title, string label, IReadOnlyList<SourceCount> rows, string kind = "bar", string? note = null) =>
        new(id, "访问来源追溯", title, kind, "次", [label, "浏览次数", "下载次数"],
            rows.Select(x => new[] { x.Label, N(x.Views), N(x.Downloads) }).ToList(), 0, [1, 2], note);

    private static ChartTable Ranked(string id, string title, string item, string measure, IReadOnlyList<RankedItem> rows) =>
        new(id, "排行", title, "bar", "次", ["排名", item, "提供方", measure],
            rows.Select((x, i) => new[] { N(i + 1), x.Name, x.Department, N(x.Count) }).ToList(), 1, [3]);

    private static ChartTable Demand(string id, string title, string label, IReadOnlyList<LabelCount> rows, string? note = null) =>
        new(id, "用户需求", "数据请求" + title, "bar", "条", [label, "请求数"], rows.Select(x => new[] { x.Label, N(x.Count) }).ToList(), 0, [1], note);
}
