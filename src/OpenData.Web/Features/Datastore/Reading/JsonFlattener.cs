using System.Text.Json;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>One JSON record as flat cells: nested objects become dotted columns, arrays and scalars stay as they are.</summary>
internal static class JsonFlattener
{
    private const int MaxDepth = 8;

    public static void CollectKeys(JsonElement record, Dictionary<string, int> keys, string prefix = "", int depth = 0)
    {
        foreach (var p in record.EnumerateObject())
        {
            var name = prefix + p.Name;
            if (p.Value.ValueKind == JsonValueKind.Object && depth < MaxDepth && HasProperties(p.Value))
                CollectKeys(p.Value, keys, name + ".", depth + 1);
            else
                keys.TryAdd(name, keys.Count);
        }
    }

    public static string?[] Cells(JsonElement record, Dictionary<string, int> keys)
    {
        var cells = new string?[keys.Count];
        Fill(record, keys, cells, "", 0);
        return cells;
    }

    private static void Fill(JsonElement record, Dictionary<string, int> keys, string?[] cells, string prefix, int depth)
    {
        foreach (var p in record.EnumerateObject())
        {
            var name = prefix + p.Name;
            if (p.Value.ValueKind == JsonValueKind.Object && depth < MaxDepth && HasProperties(p.Value) && !keys.ContainsKey(name))
                Fill(p.Value, keys, cells, name + ".", depth + 1);
            else if (keys.TryGetValue(name, out var i))
                cells[i] = Text(p.Value);
        }
    }

    private static bool HasProperties(JsonElement o) => o.EnumerateObject().Any();

    public static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => v.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => v.GetRawText(),
    };
}
