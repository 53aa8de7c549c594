using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Datasets;

/// <summary>Codes used in the API and query strings, and their Chinese labels.</summary>
public static class DatasetLabels
{
    public static string Code(OpenCondition c) => c == OpenCondition.Restricted ? "restricted" : "open";
    public static string Label(OpenCondition c) => c == OpenCondition.Restricted ? "有条件开放" : "无条件开放";

    public static OpenCondition? ParseOpenCondition(string? s) => s?.Trim().ToLowerInvariant() switch
    {
        "open" or "无条件开放" => OpenCondition.Open,
        "restricted" or "有条件开放" => OpenCondition.Restricted,
        _ => null,
    };

    public static readonly IReadOnlyList<(UpdateFrequency Value, string Code, string Label)> Frequencies =
    [
        (UpdateFrequency.Realtime, "realtime", "实时"), (UpdateFrequency.Daily, "daily", "每日"),
        (UpdateFrequency.Weekly, "weekly", "每周"), (UpdateFrequency.Monthly, "monthly", "每月"),
        (UpdateFrequency.Quarterly, "quarterly", "每季度"), (UpdateFrequency.HalfYearly, "halfyearly", "每半年"),
        (UpdateFrequency.Yearly, "yearly", "每年"), (UpdateFrequency.Irregular, "irregular", "不定期"),
    ];

    public static string Code(UpdateFrequency f) => Frequencies.First(x => x.Value == f).Code;
    public static string Label(UpdateFrequency f) => Frequencies.First(x => x.Value == f).Label;

    public static UpdateFrequency? ParseFrequency(string? s)
    {
        var t = s?.Trim().ToLowerInvariant();
        foreach (var f in Frequencies)
            if (t == f.Code || t == f.Label) return f.Value;
        return null;
    }

    /// <summary>Sort codes of the list and their tab labels, in display order.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Sorts =
    [
        ("relevance", "相关度"), ("views", "访问量"), ("updated", "更新时间"), ("downloads", "下载量"),
        ("capacity", "数据容量"), ("rating", "评分"),
    ];

    /// <summary>Allowed upload formats (by file extension).</summary>
    public static readonly IReadOnlyList<string> Formats = ["CSV", "XLSX", "XLS", "JSON", "XML", "PDF", "ZIP", "GEOJSON"];

    /// <summary>Tabular formats count towards rows and 数据容量.</summary>
    public static bool IsTabular(string format) => format is "CSV" or "XLSX" or "XLS" or "JSON";

    public static readonly IReadOnlyList<string> FieldTypes = ["text", "integer", "decimal", "date", "datetime", "month", "boolean"];

    public static string FieldTypeLabel(string type) => type switch
    {
        "integer" => "整数", "decimal" => "数值", "date" => "日期", "datetime" => "日期时间", "month" => "年月", "boolean" => "布尔", _ => "文本",
    };
}
