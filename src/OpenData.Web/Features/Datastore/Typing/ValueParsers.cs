using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenData.Web.Features.Datastore.Typing;

/// <summary>The accepted spellings of each field type. Leading zeros ("007", "08") stay text: they are codes.</summary>
public static partial class ValueParsers
{
    private static readonly HashSet<string> NullTokens = new(StringComparer.OrdinalIgnoreCase)
        { "NaN", "-", "--", "—", "——", "/", "null", "N/A", "#N/A", "无数据" };

    /// <summary>Placeholders that mean "no value" in a typed column (they stay as written in text columns).</summary>
    public static bool IsEmpty(string? s) =>
        s is null || (s.Length is > 0 and <= 4 && s[0] is 'N' or 'n' or '-' or '—' or '/' or '#' or '无' && NullTokens.Contains(s)); // every token starts so

    /// <summary><see cref="IsEmpty(string?)"/> for a non-empty cell as a span.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsEmpty(ReadOnlySpan<char> s) =>
        s.Length is > 0 and <= 4 && s[0] is 'N' or 'n' or '-' or '—' or '/' or '#' or '无' && NullTokenSpans.Contains(s);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NullTokenSpans = NullTokens.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryInteger(string s, out long value) => SpanParsers.TryInteger(s, out value);

    /// <summary>For a type the provider chose: leading zeros ("08") are accepted, codes are the provider's call.</summary>
    public static bool TryIntegerLenient(string s, out long value) =>
        long.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value);

    public static bool TryDecimalLenient(string s, out decimal value) =>
        decimal.TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value);

    public static bool TryDecimal(string s, out decimal value) => SpanParsers.TryDecimal(s, out value);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryBoolean(ReadOnlySpan<char> s, out bool value)
    {
        if (s.Length > 5) { value = false; return false; }
        Span<char> lower = stackalloc char[5];
        lower = lower[..s.ToLowerInvariant(lower)];
        switch (lower)
        {
            case "是" or "true" or "y" or "yes": value = true; return true;
            case "否" or "false" or "n" or "no": value = false; return true;
            default: value = false; return false;
        }
    }

    /// <summary>2020-01-05, 2020/1/5, 2020.1.5, 2020年1月5日; 20200105 only when <paramref name="compact"/>.</summary>
    public static bool TryDate(string s, bool compact, out DateOnly value) => SpanParsers.TryDate(s, compact, out value);

    /// <summary>A year-month as stored: "yyyy-MM" (so text order is time order).</summary>
    public static bool TryMonth(ReadOnlySpan<char> s, out string value)
    {
        value = "";
        if (!SpanParsers.TryMonth(s, out var y, out var m)) return false;
        value = MonthText(y, m);
        return true;
    }

    public static string MonthText(int year, int month) =>
        string.Create(7, (year, month), static (span, v) =>
        {
            v.year.TryFormat(span, out _, "D4", CultureInfo.InvariantCulture);
            span[4] = '-';
            v.month.TryFormat(span[5..], out _, "D2", CultureInfo.InvariantCulture);
        });

    /// <summary>Only a span with a colon can be a date and time: it goes to the regex as a string.</summary>
    public static bool TryDateTime(ReadOnlySpan<char> s, out DateTime value)
    {
        value = default;
        return s.Contains(':') && TryDateTime(s.ToString(), out value);
    }

    public static bool TryDateTime(string s, out DateTime value)
    {
        value = default;
        if (!s.Contains(':')) return false; // every accepted spelling has a time; skips the regex for most cells
        var m = DateTimePattern().Match(s);
        if (!m.Success || !TryDate(m.Groups["date"].Value, false, out var date)) return false;
        var h = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var min = int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture);
        var sec = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (h > 23 || min > 59 || sec > 59) return false;
        value = date.ToDateTime(new TimeOnly(h, min, sec));
        if (m.Groups["f"].Success)
            value = value.AddTicks((long)(double.Parse("0" + m.Groups["f"].Value, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));
        return true;
    }

    [GeneratedRegex(@"^(?<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)[ T]+(?<h>\d{1,2}):(?<min>\d{2})(:(?<s>\d{2})(?<f>\.\d{1,7})?)?$")]
    private static partial Regex DateTimePattern();
}
