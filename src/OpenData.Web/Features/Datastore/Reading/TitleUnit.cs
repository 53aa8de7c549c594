using System.Text.RegularExpressions;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// The unit a statistical table states once above its header or in a note ("单位：亿元", "（万元）") instead of in
/// every header cell. Without it the numbers lose their meaning, so it becomes the numeric fields' unit.
/// Only a known unit word counts: "（2023年）" or "（试行）" in a title are not units.
/// </summary>
public static partial class TitleUnit
{
    public static string? Find(string?[] cells)
    {
        foreach (var cell in cells)
        {
            if (cell is null || cell.Length > 120) continue;
            if (Labelled().Match(cell) is { Success: true } m) return m.Groups["u"].Value;
            if (Bracketed().Match(cell) is { Success: true } b) return b.Groups["u"].Value;
        }
        return null;
    }

    private const string Unit = @"(?<u>(?:[万亿千百]|百万|千万)?(?:元|美元|吨|人|人次|户|个|家|辆|件|座|所|张|台|套|床|千克|公斤|公顷|亩|平方米|平方公里|立方米|千瓦时|千瓦|度|公里|米|%|‰)(?:/(?:人|年|月|日|户|平方米|吨))?)";

    [GeneratedRegex(@"(?:计量)?单位\s*[：:]\s*" + Unit + @"(?![\p{L}\d])")]
    private static partial Regex Labelled();

    [GeneratedRegex(@"[（(]\s*" + Unit + @"\s*[)）]")]
    private static partial Regex Bracketed();
}
