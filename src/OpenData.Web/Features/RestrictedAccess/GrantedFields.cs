using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Features.Datastore;

namespace OpenData.Web.Features.RestrictedAccess;

/// <summary>
/// The 所需数据项 of an application turned into the fields a grant covers. The applicant lists field names
/// (顿号, commas or spaces between them) or writes 全部字段; each name must be a field of a chosen dataset, so
/// what the reviewers approve is exactly what the grant serves. A grant stores its fields one per line;
/// an empty list means every field (what 全部字段 asks for).
/// </summary>
public static class GrantedFields
{
    public const string AllWord = "全部字段";
    private static readonly string[] AllWords = [AllWord, "全部", "所有字段", "全部数据项", "*"];
    private static readonly char[] Separators = ['、', ',', '，', ';', '；', '\n', '\r', '\t', ' ', '　', '/', '|'];

    public static IReadOnlyList<string> Tokens(string text) =>
        text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

    public static bool MeansAll(IReadOnlyList<string> tokens) => tokens.Count == 0 || tokens.Any(t => AllWords.Contains(t));

    /// <summary>A grant's stored fields in the applicant's order; empty means every field.</summary>
    public static IReadOnlyList<string> Names(string stored) => stored.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static GrantScope Scope(string stored) => Names(stored) is { Count: > 0 } names ? GrantScope.Only(names) : GrantScope.All;

    /// <summary>What one dataset's grant stores for the application's text ("" = every field).</summary>
    public static string ForDataset(string applicationText, IReadOnlyCollection<string> datasetFields)
    {
        var tokens = Tokens(applicationText);
        return MeansAll(tokens) ? "" : string.Join("\n", tokens.Where(datasetFields.Contains));
    }

    /// <summary>Every field name of each dataset: its field dictionary and the columns of its served tables.</summary>
    public static async Task<Dictionary<int, HashSet<string>>> OfDatasetsAsync(PortalDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var map = ids.Distinct().ToDictionary(id => id, _ => new HashSet<string>(StringComparer.Ordinal));
        foreach (var f in await db.DatasetFields.AsNoTracking().Where(f => ids.Contains(f.DatasetId)).Select(f => new { f.DatasetId, f.Name }).ToListAsync(ct))
            map[f.DatasetId].Add(f.Name);
        var tables = await db.ResourceVersions.AsNoTracking()
            .Where(v => ids.Contains(v.Resource!.DatasetId) && v.Number == v.Resource.CurrentVersion && v.ColumnsJson != null)
            .Select(v => new { v.Resource!.DatasetId, v.ColumnsJson }).ToListAsync(ct);
        foreach (var t in tables)
            foreach (var c in JsonSerializer.Deserialize<List<DatastoreColumn>>(t.ColumnsJson!, Datastore.Jobs.IngestionJobRunner.Json) ?? [])
                map[t.DatasetId].Add(c.Name);
        return map;
    }

    /// <summary>
    /// Null when the text names only fields of the chosen datasets (or 全部字段) and at least one of each; else the
    /// message the form shows, with the fields there are.
    /// </summary>
    public static string? Problem(string text, IReadOnlyList<(string Title, HashSet<string> Fields)> datasets)
    {
        var tokens = Tokens(text);
        if (MeansAll(tokens)) return null;
        var known = datasets.SelectMany(d => d.Fields).ToHashSet(StringComparer.Ordinal);
        var unknown = tokens.Where(t => !known.Contains(t)).ToList();
        if (unknown.Count > 0)
            return $"所需数据项“{string.Join("、", unknown.Take(5))}”不是所选数据集的字段。请填写字段名称（用顿号分隔），需要全部字段请填写“{AllWord}”。可选字段："
                   + string.Join("；", datasets.Select(d => $"{d.Title}：{string.Join("、", d.Fields)}")) + "。";
        var none = datasets.Where(d => !tokens.Any(d.Fields.Contains)).Select(d => d.Title).ToList();
        return none.Count > 0 ? $"所需数据项中没有数据集“{string.Join("、", none)}”的字段，请补充或取消选择该数据集。" : null;
    }
}
