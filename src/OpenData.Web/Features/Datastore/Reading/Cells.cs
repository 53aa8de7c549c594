using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>Cell clean-up shared by every format.</summary>
public static partial class Cells
{
    /// <summary>Trims ASCII, full-width (U+3000), no-break and zero-width spaces; empty becomes null.</summary>
    public static string? Clean(string? raw)
    {
        if (raw is null) return null;
        if (raw.Contains('\0')) raw = raw.Replace("\0", ""); // PostgreSQL text cannot hold NUL
        var s = raw.AsSpan().Trim().Trim("\u200B\uFEFF\u3000\u00A0");
        return s.IsEmpty ? null : s.Length == raw.Length ? raw : s.ToString();
    }

    public static int NonEmpty(string?[] cells)
    {
        var n = 0;
        foreach (var c in cells) if (c is not null) n++;
        return n;
    }

    /// <summary>Non-empty cells, except that a row repeating one value (a merged title filled across) counts as one.</summary>
    public static int Width(string?[] cells)
    {
        string? first = null;
        var n = 0;
        var same = true;
        foreach (var c in cells)
        {
            if (c is null) continue;
            n++;
            if (first is null) first = c;
            else if (same && c != first) same = false;
        }
        return n > 1 && same ? 1 : n;
    }

    /// <summary>A value that reads as a number or a date: used to tell data rows from header rows.</summary>
    public static bool LooksLikeData(string value) =>
        decimal.TryParse(value.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || DateLike().IsMatch(value);

    [GeneratedRegex(@"^\d{4}([-/.年])\d{1,2}([-/.月])\d{1,2}日?([ T]\d{1,2}:\d{2}(:\d{2})?)?$")]
    private static partial Regex DateLike();

    /// <summary>Column letters (A, B, …, AA) to a 0-based index.</summary>
    public static int ColumnIndex(ReadOnlySpan<char> letters)
    {
        var n = 0;
        foreach (var ch in letters)
        {
            if (ch is < 'A' or > 'Z') break;
            n = n * 26 + (ch - 'A' + 1);
        }
        return n - 1;
    }

    public static string ColumnLabel(int index) => $"第 {index + 1} 列";
}
