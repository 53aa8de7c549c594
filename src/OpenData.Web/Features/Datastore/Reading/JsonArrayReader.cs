using System.Text.Json;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// A JSON array of flat objects, streamed element by element. The field names are the union of all
/// keys in order of first appearance (one quick pass), emitted as a header row; nested objects and
/// arrays are kept as JSON text.
/// </summary>
public sealed class JsonArrayReader : ITableReader
{
    public IReadOnlyList<string> Notes { get; } = [];

    public IEnumerable<RawRow> ReadRows(Stream file, CancellationToken ct)
    {
        var start = file.Position;
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (element, index) in Elements(file, ct))
        {
            if (element.ValueKind != JsonValueKind.Object)
                throw new DatastoreInputException("JsonNotFlat",
                    $"JSON 数组的第 {index} 个元素不是对象（{{\"字段\": 值}}）。请把每条记录写成一个对象后重新上传。", index);
            foreach (var p in element.EnumerateObject()) keys.TryAdd(p.Name, keys.Count);
        }
        file.Position = start;
        yield return new RawRow(0, keys.Keys.ToArray());
        foreach (var (element, index) in Elements(file, ct))
        {
            var cells = new string?[keys.Count];
            foreach (var p in element.EnumerateObject()) cells[keys[p.Name]] = Text(p.Value);
            yield return new RawRow(index, cells);
        }
    }

    private static IEnumerable<(JsonElement Element, long Index)> Elements(Stream file, CancellationToken ct)
    {
        var first = ReadFirstNonSpace(file);
        if (first != '[')
            throw new DatastoreInputException("JsonNotArray", "JSON 文件的最外层必须是数组（以 [ 开头），每个元素是一条记录。请调整文件格式后重新上传。");
        long index = 0;
        foreach (var e in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(file, cancellationToken: ct).ToBlockingEnumerable(ct))
            yield return (e, ++index);
    }

    private static int ReadFirstNonSpace(Stream file)
    {
        var start = file.Position;
        int b;
        var bom = 0;
        while ((b = file.ReadByte()) >= 0 && (char.IsWhiteSpace((char)b) || (bom < 3 && b is 0xEF or 0xBB or 0xBF && ++bom > 0))) { }
        file.Position = start;
        return b;
    }

    private static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => v.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => v.GetRawText(),
        _ => v.GetRawText(),
    };
}
