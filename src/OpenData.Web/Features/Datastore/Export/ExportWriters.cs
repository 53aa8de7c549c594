using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;

namespace OpenData.Web.Features.Datastore.Export;

public enum ExportFormat { Csv, Json, Xml, Xlsx }

/// <summary>
/// Streams rows from <see cref="Querying.DatastoreReader.StreamAsync"/> into a download at constant memory.
/// Values arrive typed as the API shows them (numbers, booleans, ISO date strings).
/// </summary>
public static class ExportWriters
{
    public static string ContentType(ExportFormat f) => f switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Json => "application/json; charset=utf-8",
        ExportFormat.Xml => "application/xml; charset=utf-8",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public static Task WriteAsync(ExportFormat format, Stream output, IReadOnlyList<DatastoreColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken ct) =>
        format switch
        {
            ExportFormat.Csv => CsvAsync(output, columns, rows, ct),
            ExportFormat.Json => JsonAsync(output, columns, rows, ct),
            ExportFormat.Xml => XmlAsync(output, columns, rows, ct),
            _ => XlsxExportWriter.WriteAsync(output, columns, rows, ct),
        };

    /// <summary>UTF-8 with BOM so Excel on Chinese Windows opens it correctly.</summary>
    public static async Task CsvAsync(Stream output, IReadOnlyList<DatastoreColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var w = new CsvUtf8Writer(output);
        w.Bom();
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) w.Comma();
            w.Text(columns[i].Name, false);
        }
        w.EndRow();
        var guard = columns.Select(c => c.Type == FieldType.Text).ToArray();
        await foreach (var row in rows.WithCancellation(ct))
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0) w.Comma();
                w.Value(row[i], guard[i]);
            }
            w.EndRow();
            if (w.Full) await w.FlushAsync(ct); // one await per 64 KB, none per cell
        }
        await w.FlushAsync(ct);
        await output.FlushAsync(ct);
    }

    public static async Task JsonAsync(Stream output, IReadOnlyList<DatastoreColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        // Relaxed escaping keeps Chinese readable; the document is a download, never inlined into HTML.
        await using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartArray();
        var n = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            w.WriteStartObject();
            for (var i = 0; i < row.Length; i++)
            {
                w.WritePropertyName(columns[i].Name);
                switch (row[i])
                {
                    case null: w.WriteNullValue(); break;
                    case long l: w.WriteNumberValue(l); break;
                    case decimal d: w.WriteNumberValue(d); break;
                    case bool b: w.WriteBooleanValue(b); break;
                    default: w.WriteStringValue(Text(row[i])); break;
                }
            }
            w.WriteEndObject();
            if (++n % 1000 == 0) await w.FlushAsync(ct);
        }
        w.WriteEndArray();
        await w.FlushAsync(ct);
    }

    public static async Task XmlAsync(Stream output, IReadOnlyList<DatastoreColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false };
        await using var w = XmlWriter.Create(output, settings);
        await w.WriteStartDocumentAsync();
        await w.WriteStartElementAsync(null, "records", null);
        var n = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await w.WriteStartElementAsync(null, "record", null);
            for (var i = 0; i < row.Length; i++)
            {
                // Field names may not be valid XML names (digits, spaces), so they go in an attribute.
                await w.WriteStartElementAsync(null, "field", null);
                await w.WriteAttributeStringAsync(null, "name", null, XmlSafe(columns[i].Name));
                if (row[i] is null) await w.WriteAttributeStringAsync(null, "null", null, "true");
                else await w.WriteStringAsync(XmlSafe(Text(row[i])));
                await w.WriteEndElementAsync();
            }
            await w.WriteEndElementAsync();
            if (++n % 1000 == 0) await w.FlushAsync();
        }
        await w.WriteEndElementAsync();
        await w.WriteEndDocumentAsync();
    }

    internal static string Text(object? v) => v switch
    {
        null => "",
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    /// <summary>Drops characters XML 1.0 cannot carry (control characters), keeping surrogate pairs (rare CJK).</summary>
    internal static string XmlSafe(string s)
    {
        if (s.All(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c))) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (XmlConvert.IsXmlChar(s[i])) sb.Append(s[i]);
            else if (i + 1 < s.Length && XmlConvert.IsXmlSurrogatePair(s[i + 1], s[i])) { sb.Append(s[i]).Append(s[i + 1]); i++; }
        }
        return sb.ToString();
    }
}
