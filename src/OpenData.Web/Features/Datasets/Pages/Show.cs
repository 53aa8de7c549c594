using System.Globalization;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Datasets.Pages;

/// <summary>Display formats shared by the dataset pages: China time, 万/亿 counts, human file sizes.</summary>
public static class Show
{
    public static string Date(DateTimeOffset? t) => ChinaTime.Day(t);
    public static string Time(DateTimeOffset? t) => ChinaTime.Minute(t);

    /// <summary>Counts the way Chinese portals print them: 9,999 then 1.2万 then 3.4亿.</summary>
    public static string Count(long n) => n switch
    {
        >= 100_000_000 => (n / 100_000_000d).ToString("0.#", CultureInfo.InvariantCulture) + "亿",
        >= 10_000 => (n / 10_000d).ToString("0.#", CultureInfo.InvariantCulture) + "万",
        _ => n.ToString("N0", CultureInfo.InvariantCulture),
    };

    public static string Bytes(long size) => size switch
    {
        >= 1L << 30 => (size / (double)(1L << 30)).ToString("0.##", CultureInfo.InvariantCulture) + " GB",
        >= 1L << 20 => (size / (double)(1L << 20)).ToString("0.##", CultureInfo.InvariantCulture) + " MB",
        >= 1L << 10 => (size / (double)(1L << 10)).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => size + " B",
    };

    public static string Truncate(string? text, int max) =>
        string.IsNullOrEmpty(text) || text.Length <= max ? text ?? "" : text[..max].TrimEnd() + "…";

    /// <summary>Query-string numbers: junk such as ?page=abc is ignored rather than an error page.</summary>
    public static int? Int(string? s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static string Rating(double avg) => avg.ToString("0.0", CultureInfo.InvariantCulture);
}
