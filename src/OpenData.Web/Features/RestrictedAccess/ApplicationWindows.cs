using System.Globalization;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.RestrictedAccess;

/// <summary>One application window, both days included (China dates).</summary>
public sealed record WindowRange(DateOnly Start, DateOnly End)
{
    public string Text => $"{Start:yyyy年M月d日}至{End:yyyy年M月d日}";
}

/// <summary>
/// The 受限数据申请 windows of the site setting restricted.windows: whole months ("3,9", the seed's March and
/// September) or date ranges the administrator announces ("2027-03-01~2027-03-20"), comma-separated.
/// </summary>
public static class ApplicationWindows
{
    public static WindowRange? Current(string spec, DateOnly today) =>
        Ranges(spec, today.Year - 1, today.Year + 1).FirstOrDefault(r => r.Start <= today && today <= r.End);

    /// <summary>The next window that starts after today (within two years), for "下一次受理时间".</summary>
    public static WindowRange? Next(string spec, DateOnly today) =>
        Ranges(spec, today.Year, today.Year + 2).Where(r => r.Start > today).OrderBy(r => r.Start).FirstOrDefault();

    /// <summary>Null when the setting is valid, else the message the settings page shows.</summary>
    public static string? Problem(string spec) =>
        Parse(spec, out var error) is not null && error is null ? null
            : error ?? "格式不正确";

    private static IEnumerable<WindowRange> Ranges(string spec, int fromYear, int toYear)
    {
        foreach (var entry in Parse(spec, out _) ?? [])
        {
            if (entry.Month is { } m)
                for (var y = fromYear; y <= toYear; y++)
                    yield return new WindowRange(new DateOnly(y, m, 1), new DateOnly(y, m, DateTime.DaysInMonth(y, m)));
            else yield return entry.Range!;
        }
    }

    private sealed record Entry(int? Month, WindowRange? Range);

    private static List<Entry>? Parse(string spec, out string? error)
    {
        error = null;
        var list = new List<Entry>();
        foreach (var part in spec.Split([',', '，', ';', '；', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var month))
            {
                if (month is < 1 or > 12) { error = $"月份“{part}”应在 1 到 12 之间"; return null; }
                list.Add(new Entry(month, null));
                continue;
            }
            var ends = part.Split(['~', '～'], StringSplitOptions.TrimEntries);
            if (ends.Length == 2 && DateOnly.TryParseExact(ends[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)
                && DateOnly.TryParseExact(ends[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b) && a <= b)
            {
                list.Add(new Entry(null, new WindowRange(a, b)));
                continue;
            }
            error = $"“{part}”既不是月份也不是日期段（如 2027-03-01~2027-03-20）";
            return null;
        }
        return list;
    }
}

/// <summary>Whether applications are accepted today, the windows' notice and the longest period allowed.</summary>
public sealed record WindowStatus(bool IsOpen, WindowRange? Current, WindowRange? Next, string Notice, int MaxMonths)
{
    /// <summary>The newest published 政策动态 article announcing the windows, when there is one.</summary>
    public WindowArticle? Article { get; init; }

    public string Closed => Next is { } n
        ? $"当前不在受限数据申请受理期内。下一次受理时间：{n.Text}。"
        : "当前不在受限数据申请受理期内，请留意平台公告。";
}
