using System.Globalization;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.OpenIndex;

/// <summary>A range of whole local (China) days, both ends included; Start and End in UTC (PostgreSQL takes no other offset).</summary>
public sealed record OpenIndexRange(DateOnly From, DateOnly To, string Preset)
{
    public const int MaxYears = 5;
    public static readonly IReadOnlyList<(string Key, string Label)> Presets = [("7d", "近 7 天"), ("30d", "近 30 天"), ("1y", "近一年")];

    public int FromDay => Day(From);
    public int ToDay => Day(To);
    public DateTimeOffset Start => new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
    public DateTimeOffset End => new DateTimeOffset(To.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
    public string FromText => From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public string ToText => To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static int Day(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;
    public static DateOnly Date(int day) => new(day / 10000, day / 100 % 100, day % 100);

    /// <summary>A preset (7d, 30d, 1y; 30d by default) or from/to (yyyy-MM-dd, either may be left out). Error in Chinese.</summary>
    public static (OpenIndexRange? Range, string? Error) Parse(string? preset, string? from, string? to, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(ChinaTime.Offset).DateTime);
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            return (preset ?? "30d") switch
            {
                "7d" => (new(today.AddDays(-6), today, "7d"), null),
                "30d" or "" => (new(today.AddDays(-29), today, "30d"), null),
                "1y" => (new(today.AddYears(-1).AddDays(1), today, "1y"), null),
                _ => (null, "时间范围应为 7d（近 7 天）、30d（近 30 天）、1y（近一年），或用 from、to 指定日期"),
            };
        }
        if (!TryDate(to, today, out var end)) return (null, $"结束日期“{to}”无效，日期格式应为 yyyy-MM-dd，例如 {today:yyyy-MM-dd}");
        if (!TryDate(from, end.AddDays(-29), out var start)) return (null, $"开始日期“{from}”无效，日期格式应为 yyyy-MM-dd，例如 {today.AddDays(-29):yyyy-MM-dd}");
        if (end < start) return (null, $"结束日期（{end:yyyy-MM-dd}）不能早于开始日期（{start:yyyy-MM-dd}）");
        if (start < end.AddYears(-MaxYears)) return (null, $"时间范围不能超过 {MaxYears} 年，请缩短开始与结束日期之间的跨度");
        return (new(start, end, "custom"), null);
    }

    private static bool TryDate(string? text, DateOnly fallback, out DateOnly date)
    {
        date = fallback;
        return string.IsNullOrWhiteSpace(text)
            || DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
