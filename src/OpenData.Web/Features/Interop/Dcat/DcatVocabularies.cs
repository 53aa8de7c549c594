using System.Globalization;
using System.Text.RegularExpressions;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Interop.Dcat;

/// <summary>The EU controlled vocabularies DCAT-AP 3.0 asks for, and the platform's values mapped onto them.</summary>
public static partial class DcatVocabularies
{
    /// <summary>Zhejiang's 22 domains onto the EU data themes where one fits (99 其他 has none).</summary>
    public static string? EuTheme(int domainId) => domainId switch
    {
        2 => "HEAL", 3 or 16 or 18 => "SOCI", 4 or 14 or 17 => "JUST", 5 or 20 => "REGI", 6 => "TRAN", 7 => "EDUC",
        8 => "TECH", 9 => "ENER", 10 or 19 => "ENVI", 11 => "AGRI", 1 or 12 or 13 or 15 => "ECON", 21 => "GOVE",
        _ => null,
    } is { } code ? Vocab.Eu + "data-theme/" + code : null;

    public static string Frequency(UpdateFrequency f) => Vocab.Eu + "frequency/" + f switch
    {
        UpdateFrequency.Realtime => "UPDATE_CONT", UpdateFrequency.Daily => "DAILY", UpdateFrequency.Weekly => "WEEKLY",
        UpdateFrequency.Monthly => "MONTHLY", UpdateFrequency.Quarterly => "QUARTERLY", UpdateFrequency.HalfYearly => "ANNUAL_2",
        UpdateFrequency.Yearly => "ANNUAL", _ => "IRREG",
    };

    public static string FileType(string format) => Vocab.Eu + "file-type/" + format.ToUpperInvariant();

    public static string MediaType(string mediaType) => "https://www.iana.org/assignments/media-types/" + mediaType;

    public const string Chinese = Vocab.Eu + "language/ZHO";

    /// <summary>A 0578 area phone number in the free-text contact, as a tel: IRI.</summary>
    public static string? Telephone(string contact) =>
        Phone().Match(contact) is { Success: true } m ? $"tel:+86-{m.Groups[1].Value.TrimStart('0')}-{m.Groups[2].Value}" : null;

    /// <summary>
    /// The coverage text as a period: its first date (year, month or day precision) to the end of its last one,
    /// e.g. "2023-01 至 2024-12" → 2023-01-01..2024-12-31. Null when the text names no date.
    /// </summary>
    public static (DateOnly Start, DateOnly End)? Period(string text)
    {
        var dates = DatePart().Matches(text).Select(m => Parse(m)).Where(d => d is not null).Select(d => d!.Value).ToList();
        if (dates.Count == 0) return null;
        var (start, _) = dates[0];
        var (_, end) = dates[^1];
        return start <= end ? (start, end) : null;
    }

    private static (DateOnly, DateOnly)? Parse(Match m)
    {
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2200) return null;
        if (!m.Groups[2].Success) return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return null;
        if (!m.Groups[3].Success) return (new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
        var day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return (new DateOnly(year, month, day), new DateOnly(year, month, day));
    }

    [GeneratedRegex(@"(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2}))?)?")]
    private static partial Regex DatePart();

    [GeneratedRegex(@"(0\d{2,3})-?(\d{7,8})")]
    private static partial Regex Phone();
}
