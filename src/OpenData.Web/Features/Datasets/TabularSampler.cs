using System.Text;
using System.Text.Json;

namespace OpenData.Web.Features.Datasets;

/// <summary>Columns, up to 10 sample rows and the row count of a tabular file.</summary>
public sealed record TabularSample(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, long RowCount)
{
    public string ToJson() => JsonSerializer.Serialize(new { columns = Columns, rows = Rows });

    public static SampleDto? FromJson(string resourceName, string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        using var doc = JsonDocument.Parse(json);
        var cols = doc.RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToList();
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => (IReadOnlyList<string>)r.EnumerateArray().Select(c => c.GetString() ?? "").ToList()).ToList();
        return new SampleDto(resourceName, cols, rows);
    }
}

/// <summary>
/// A deliberately simple reader for CSV (UTF-8 with or without BOM, else GB18030) and JSON arrays, enough to fill
/// the field dictionary and sample rows at upload. The datastore's ingestion engine replaces it for full loading.
/// </summary>
public static class TabularSampler
{
    public const int SampleRows = 10;

    public static async Task<TabularSample?> ReadAsync(Stream stream, string format, CancellationToken ct) => format switch
    {
        "CSV" => await ReadCsvAsync(stream, ct),
        "JSON" => await ReadJsonAsync(stream, ct),
        _ => null,
    };

    private static async Task<TabularSample> ReadCsvAsync(Stream stream, CancellationToken ct)
    {
        // Decide the encoding from the first 64 KB, then stream the file: large uploads are never held in memory.
        var head = new byte[64 * 1024];
        var n = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        stream.Position = 0;
        Encoding encoding = new UTF8Encoding(false, throwOnInvalidBytes: true);
        try { encoding.GetDecoder().GetCharCount(head, 0, n, flush: false); }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            encoding = Encoding.GetEncoding("GB18030");
        }
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var records = Csv.Parse(reader).Where(r => r.Count > 1 || (r.Count == 1 && r[0].Length > 0)).GetEnumerator();
        try
        {
            if (!records.MoveNext()) throw new InvalidDataException("文件为空：没有表头行");
            var columns = records.Current.Select(c => c.Trim().TrimStart('\uFEFF')).ToList();
            var rows = new List<IReadOnlyList<string>>();
            long count = 0;
            while (records.MoveNext())
            {
                count++;
                if (rows.Count < SampleRows) rows.Add(records.Current);
            }
            return new TabularSample(columns, rows, count);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException("文件编码无法识别：请使用 UTF-8 或 GB18030（GBK）编码的 CSV");
        }
    }

    private static async Task<TabularSample?> ReadJsonAsync(Stream stream, CancellationToken ct)
    {
        using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        if (doc.RootElement.ValueKind != JsonValueKind.Array) return null;
        var columns = new List<string>();
        var items = doc.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList();
        foreach (var item in items.Take(SampleRows))
            foreach (var p in item.EnumerateObject())
                if (!columns.Contains(p.Name)) columns.Add(p.Name);
        var rows = items.Take(SampleRows).Select(item => (IReadOnlyList<string>)columns
            .Select(c => item.TryGetProperty(c, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.ToString()) : "")
            .ToList()).ToList();
        return new TabularSample(columns, rows, items.Count);
    }

    /// <summary>Guesses a field type from sample values (all must agree).</summary>
    public static string GuessType(IEnumerable<string> values)
    {
        var v = values.Where(x => x.Length > 0).ToList();
        if (v.Count == 0) return "text";
        if (v.All(x => long.TryParse(x, out _))) return "integer";
        if (v.All(x => decimal.TryParse(x, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _))) return "decimal";
        if (v.All(x => x.Length == 10 && DateOnly.TryParse(x, System.Globalization.CultureInfo.InvariantCulture, out _))) return "date";
        if (v.All(x => x.Length > 10 && DateTime.TryParse(x, System.Globalization.CultureInfo.InvariantCulture, out _))) return "datetime";
        return "text";
    }
}

/// <summary>RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks.</summary>
public static class Csv
{
    public static IEnumerable<List<string>> Parse(string text) => Parse(new StringReader(text));

    public static IEnumerable<List<string>> Parse(TextReader reader)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var c = (char)next;
            if (quoted)
            {
                if (c == '"' && reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && reader.Peek() == '\n') reader.Read();
                record.Add(field.ToString()); field.Clear();
                yield return record;
                record = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }

    /// <summary>Quotes a value when it needs it.</summary>
    public static string Escape(string v) =>
        v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
}
