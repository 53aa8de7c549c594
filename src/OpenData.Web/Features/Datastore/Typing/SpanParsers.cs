using System.Runtime.CompilerServices;
using System.Globalization;

namespace OpenData.Web.Features.Datastore.Typing;

/// <summary>
/// Allocation-free versions of the strict patterns in <see cref="ValueParsers"/> (ADR 0011): every cell of
/// a million-row file goes through them at least once, where a regex match plus a string copy per cell cost
/// more than the whole database write. Each returns exactly what the regex-based rule returned.
/// </summary>
internal static class SpanParsers
{
    /// <summary>^[+-]?(0|[1-9]\d{0,18}|[1-9]\d{0,2}(,\d{3})+)$, then parsed without the commas.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryInteger(ReadOnlySpan<char> s, out long value)
    {
        value = 0;
        var body = s.Length > 0 && s[0] is '+' or '-' ? s[1..] : s;
        if (body.IsEmpty || !char.IsAsciiDigit(body[0])) return false;
        if (body[0] == '0') return body.Length == 1 && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        if (!body.Contains(','))
            return body.Length <= 19 && !body.ContainsAnyExceptInRange('0', '9')
                && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        return Grouped(body, out _) && long.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>^[+-]?((0|[1-9]\d*|[1-9]\d{0,2}(,\d{3})+)(\.\d+)?|\.\d+)([eE][+-]?\d{1,3})?$, then parsed without the commas.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryDecimal(ReadOnlySpan<char> s, out decimal value)
    {
        value = 0;
        var body = s.Length > 0 && s[0] is '+' or '-' ? s[1..] : s;
        var e = body.IndexOfAny('e', 'E');
        var mantissa = e < 0 ? body : body[..e];
        if (e >= 0)
        {
            var exp = body[(e + 1)..];
            if (exp.Length > 0 && exp[0] is '+' or '-') exp = exp[1..];
            if (exp.Length is < 1 or > 3 || exp.ContainsAnyExceptInRange('0', '9')) return false;
        }
        var dot = mantissa.IndexOf('.');
        var whole = dot < 0 ? mantissa : mantissa[..dot];
        if (dot >= 0)
        {
            var frac = mantissa[(dot + 1)..];
            if (frac.IsEmpty || frac.ContainsAnyExceptInRange('0', '9')) return false;
        }
        var grouped = false;
        if (whole.IsEmpty) { if (dot < 0) return false; } // ".5" is allowed, "" and "e5" are not
        else if (whole[0] == '0') { if (whole.Length != 1) return false; }
        else if (!char.IsAsciiDigit(whole[0])) return false;
        else if (whole.Contains(',')) { if (!Grouped(whole, out grouped)) return false; }
        else if (whole.ContainsAnyExceptInRange('0', '9')) return false;
        if (!grouped && e < 0 && Simple(s, out value)) return true;
        var styles = NumberStyles.Float | (grouped ? NumberStyles.AllowThousands : 0);
        return decimal.TryParse(s, styles, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// A validated plain decimal ("-668.10") of up to 18 digits as mantissa and scale, the value (and trailing
    /// zeros) decimal.Parse gives, at a fraction of its cost. Zero goes to decimal.Parse for its sign rules.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Simple(ReadOnlySpan<char> s, out decimal value)
    {
        value = 0;
        var negative = s[0] == '-';
        if (s[0] is '+' or '-') s = s[1..];
        if (s.Length > 19) return false;
        long mantissa = 0;
        byte scale = 0;
        var digits = 0;
        foreach (var c in s)
        {
            if (c == '.') { scale = (byte)(s.Length - 1 - s.IndexOf('.')); continue; }
            mantissa = mantissa * 10 + (c - '0');
            digits++;
        }
        if (digits > 18 || mantissa == 0) return false;
        value = new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, negative, scale);
        return true;
    }

    /// <summary>2020-01-05, 2020/1/5, 2020.1.5, 2020年1月5日; 20200105 only when <paramref name="compact"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryDate(ReadOnlySpan<char> s, bool compact, out DateOnly value)
    {
        value = default;
        if (s.Length < 8 || !Digits(s[..4], out var y)) return false;
        if (s.Length == 8 && !s.ContainsAnyExceptInRange('0', '9'))
            return compact && y is >= 1800 and < 2200 && Digits(s[4..6], out var cm) && Digits(s[6..], out var cd)
                && cm is >= 1 and <= 12 && cd is >= 1 and <= 31 && Make(y, cm, cd, out value);
        var rest = s[4..];
        var chinese = rest[0] == '年';
        if (!chinese && rest[0] is not ('-' or '/' or '.')) return false;
        rest = rest[1..];
        var m = Number(ref rest);
        if (m < 0 || rest.IsEmpty) return false;
        if (chinese ? rest[0] != '月' : rest[0] is not ('-' or '/' or '.')) return false;
        rest = rest[1..];
        var d = Number(ref rest);
        if (d < 0) return false;
        if (chinese ? !(rest.Length == 1 && rest[0] == '日') : !rest.IsEmpty) return false;
        return Make(y, m, d, out value);
    }

    /// <summary>
    /// A year and month: 2013-12, 2013/1, 2013年12月. Not 2013.12, which is a number, nor 201312, which is an integer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryMonth(ReadOnlySpan<char> s, out int year, out int month)
    {
        year = month = 0;
        if (s.Length is < 6 or > 8 || !Digits(s[..4], out year) || year is < 1800 or > 2200) return false;
        var rest = s[4..];
        var chinese = rest[0] == '年';
        if (!chinese && rest[0] is not ('-' or '/')) return false;
        rest = rest[1..];
        month = Number(ref rest);
        if (month is < 1 or > 12) return false;
        return chinese ? rest.Length == 1 && rest[0] == '月' : rest.IsEmpty;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Make(int year, int month, int day, out DateOnly value)
    {
        value = default;
        if (year is < 1800 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        value = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>One or two ASCII digits from the start; -1 when there are none or more than two.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Number(ref ReadOnlySpan<char> s)
    {
        var n = 0;
        while (n < s.Length && char.IsAsciiDigit(s[n])) n++;
        if (n is 0 or > 2) return -1;
        var v = n == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
        s = s[n..];
        return v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>[1-9]\d{0,2}(,\d{3})+ (the caller checked the first digit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Grouped(ReadOnlySpan<char> s, out bool grouped)
    {
        grouped = false;
        var first = s.IndexOf(',');
        if (first is < 1 or > 3 || s[..first].ContainsAnyExceptInRange('0', '9')) return false;
        var rest = s[first..];
        if (rest.Length % 4 != 0) return false;
        for (var i = 0; i < rest.Length; i += 4)
            if (rest[i] != ',' || rest.Slice(i + 1, 3).ContainsAnyExceptInRange('0', '9')) return false;
        grouped = true;
        return true;
    }
}
