using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// Finds the records in a JSON object as real government APIs return them: the largest array of objects
/// anywhere in the envelope ({status, msg, data: {total, rows: [...]}}), or else an object keyed by dates
/// ({"2024-01": {...}, "2024-02": {...}}) turned into one row per key with the key as a 日期/月份/年份 column.
/// </summary>
internal static partial class JsonRecordFinder
{
    public sealed record Found(IReadOnlyList<JsonElement> Records, string Note, JsonDocument? Owned);

    private const int MaxDepth = 12;

    public static Found? Find(JsonElement root)
    {
        JsonElement? best = null; string bestPath = ""; var bestCount = 0;
        Walk(root, "", 0, (array, path) =>
        {
            var objects = array.EnumerateArray().Count(e => e.ValueKind == JsonValueKind.Object);
            if (objects > bestCount && objects * 2 >= array.GetArrayLength()) { best = array; bestPath = path; bestCount = objects; }
        });
        if (best is { } records)
        {
            var items = records.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList();
            var skipped = records.GetArrayLength() - items.Count;
            var note = $"JSON 最外层是对象：记录取自路径 {Display(bestPath)}（{items.Count} 条）" +
                       (skipped > 0 ? $"，其中 {skipped} 个不是对象的元素已跳过" : "") + "，其余字段未导入。";
            return new Found(items, note, null);
        }
        return DateKeyed(root, "", 0);
    }

    private static void Walk(JsonElement e, string path, int depth, Action<JsonElement, string> onArray)
    {
        if (depth > MaxDepth) return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            onArray(e, path);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        foreach (var p in e.EnumerateObject())
            Walk(p.Value, path.Length == 0 ? p.Name : path + "." + p.Name, depth + 1, onArray);
    }

    private static Found? DateKeyed(JsonElement e, string path, int depth)
    {
        if (depth > MaxDepth || e.ValueKind != JsonValueKind.Object) return null;
        var props = e.EnumerateObject().ToList();
        if (props.Count >= 2 && props.Count(p => DateKey().IsMatch(p.Name.Trim())) * 5 >= props.Count * 4)
            return Pivot(props, path);
        foreach (var p in props)
            if (DateKeyed(p.Value, path.Length == 0 ? p.Name : path + "." + p.Name, depth + 1) is { } found) return found;
        return null;
    }

    /// <summary>One record per date key: its object's fields (or each object of its array, or its value as 数值).</summary>
    private static Found Pivot(List<JsonProperty> props, string path)
    {
        var column = props.All(p => p.Name.Trim().Length == 4) ? "年份"
            : props.All(p => MonthKey().IsMatch(p.Name.Trim())) ? "月份" : "日期";
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var p in props)
            {
                var items = p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().ToList() : [p.Value];
                foreach (var item in items)
                {
                    w.WriteStartObject();
                    w.WriteString(column, p.Name.Trim());
                    if (item.ValueKind == JsonValueKind.Object)
                        foreach (var f in item.EnumerateObject()) { w.WritePropertyName(f.Name); f.Value.WriteTo(w); }
                    else { w.WritePropertyName("数值"); item.WriteTo(w); }
                    w.WriteEndObject();
                }
            }
            w.WriteEndArray();
        }
        var doc = JsonDocument.Parse(buffer.ToArray());
        var records = doc.RootElement.EnumerateArray().ToList();
        var note = $"JSON 以{column}为键（{Display(path)}，{props.Count} 个{column}）：已按{column}展开为 {records.Count} 行，{column}单独成列。";
        return new Found(records, note, doc);
    }

    private static string Display(string path) => path.Length == 0 ? "最外层" : path;

    [GeneratedRegex(@"^(\d{4}([-/.年]\d{1,2}月?([-/.月]\d{1,2}日?)?)?|\d{6}|\d{8})$")]
    private static partial Regex DateKey();

    [GeneratedRegex(@"^(\d{4}[-/.年]\d{1,2}月?|\d{6})$")]
    private static partial Regex MonthKey();
}
