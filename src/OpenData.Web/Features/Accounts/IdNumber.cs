using System.Globalization;

namespace OpenData.Web.Features.Accounts;

/// <summary>Mainland resident ID numbers (GB 11643-1999): 6-digit region, 8-digit birth date, sequence, check digit.</summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    public static string Normalize(string? value) => (value ?? "").Trim().ToUpperInvariant();

    /// <summary>Returns null when valid, otherwise a message for the user.</summary>
    public static string? Validate(string? raw, string? gender, DateOnly today)
    {
        var id = Normalize(raw);
        if (id.Length == 0) return "请输入身份证号";
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(id[17]) || id[17] == 'X'))
            return "身份证号应为 18 位，前 17 位为数字，最后一位为数字或 X";
        if (CheckDigit(id) != id[17]) return "身份证号校验位不正确，请核对";
        if (!DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth > today || birth.Year < 1900)
            return "身份证号中的出生日期无效";
        if (gender is "男" or "女" && GenderOf(id) != gender)
            return "身份证号与所选性别不一致";
        return null;
    }

    public static char CheckDigit(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>The 17th digit is odd for men and even for women.</summary>
    public static string GenderOf(string id) => (id[16] - '0') % 2 == 1 ? "男" : "女";

    /// <summary>3311**********1234: the first four and last four characters only.</summary>
    public static string Mask(string id) => id.Length < 8 ? new string('*', id.Length) : id[..4] + new string('*', id.Length - 8) + id[^4..];

    /// <summary>Builds a valid number (used for demo accounts and tests).</summary>
    public static string Make(string region, DateOnly birth, int sequence, string gender)
    {
        var seq = sequence % 100 * 10 + (gender == "男" ? 1 : 2) % 10;
        if (gender == "女" && seq % 2 == 1) seq++;
        if (gender == "男" && seq % 2 == 0) seq++;
        var first = region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (seq % 1000).ToString("000", CultureInfo.InvariantCulture);
        return first + CheckDigit(first);
    }
}
