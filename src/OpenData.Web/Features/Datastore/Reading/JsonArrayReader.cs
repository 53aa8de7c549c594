using System.Text.Json;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// JSON records as rows. A top-level array is streamed element by element; a top-level object (a real API's
/// envelope such as {status, msg, data: {rows: [...]}}, or records keyed by date) is read whole and its records
/// found by <see cref="JsonRecordFinder"/>. Nested objects become dotted columns (地址.区县); arrays inside a
/// record stay JSON text. The field names are the union of all keys in order of first appearance.
/// </summary>
public sealed class JsonArrayReader : ITableReader
{
    private readonly List<string> _notes = [];
    public IReadOnlyList<string> Notes => _notes;

    public IEnumerable<RawRow> ReadRows(Stream file, CancellationToken ct)
    {
        var first = ReadFirstNonSpace(file);
        if (first == '{') return FromEnvelope(file, ct);
        if (first != '[')
            throw new DatastoreInputException("JsonNotArray", "JSON 文件的最外层应是数组（以 [ 开头）或包含记录数组的对象（以 { 开头）。请调整文件格式后重新上传。");
        return FromArray(file, ct);
    }

    private IEnumerable<RawRow> FromArray(Stream file, CancellationToken ct)
    {
        var start = file.Position;
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (element, index) in Elements(file, ct))
        {
            if (element.ValueKind != JsonValueKind.Object)
                throw new DatastoreInputException("JsonNotFlat",
                    $"JSON 数组的第 {index} 个元素不是对象（{{\"字段\": 值}}）。请把每条记录写成一个对象后重新上传。", index);
            JsonFlattener.CollectKeys(element, keys);
        }
        file.Position = start;
        yield return new RawRow(0, keys.Keys.ToArray());
        foreach (var (element, index) in Elements(file, ct))
            yield return new RawRow(index, JsonFlattener.Cells(element, keys));
    }

    private IEnumerable<RawRow> FromEnvelope(Stream file, CancellationToken ct)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(file, new JsonDocumentOptions { MaxDepth = 64 }); }
        catch (JsonException e)
        {
            throw new DatastoreInputException("JsonInvalid", $"JSON 文件格式有误（第 {e.LineNumber + 1} 行附近）：请检查括号、引号和逗号后重新上传。");
        }
        using (doc)
        {
            var found = JsonRecordFinder.Find(doc.RootElement)
                ?? throw new DatastoreInputException("JsonNoRecords",
                    "JSON 文件中没有找到记录：需要一个由对象组成的数组（如 data.rows），或以日期为键的对象。请调整文件格式后重新上传。");
            using var owned = found.Owned;
            _notes.Add(found.Note);
            var keys = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var record in found.Records) JsonFlattener.CollectKeys(record, keys);
            yield return new RawRow(0, keys.Keys.ToArray());
            long index = 0;
            foreach (var record in found.Records)
            {
                ct.ThrowIfCancellationRequested();
                yield return new RawRow(++index, JsonFlattener.Cells(record, keys));
            }
        }
    }

    private static IEnumerable<(JsonElement Element, long Index)> Elements(Stream file, CancellationToken ct)
    {
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
}
