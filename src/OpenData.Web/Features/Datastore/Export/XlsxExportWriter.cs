using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace OpenData.Web.Features.Datastore.Export;

/// <summary>
/// A minimal streaming XLSX writer: inline strings, real numbers, real dates (serials with a date
/// style), a new sheet every 1,048,575 rows. The zip is built in a temp file (ZipArchive writes
/// synchronously, which ASP.NET Core forbids on the response) and then copied asynchronously.
/// </summary>
public static class XlsxExportWriter
{
    private const int MaxRowsPerSheet = 1_048_575;
    private const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static async Task WriteAsync(Stream output, IReadOnlyList<DatastoreColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), "odp-export-" + Guid.NewGuid().ToString("N") + ".xlsx");
        await using var temp = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        using (var zip = new ZipArchive(temp, ZipArchiveMode.Create, leaveOpen: true))
        {
            var sheets = 0;
            XmlWriter? sheet = null;
            Stream? entry = null;
            var inSheet = 0;
            await foreach (var row in rows.WithCancellation(ct))
            {
                if (sheet is null || inSheet == MaxRowsPerSheet)
                {
                    EndSheet(sheet, entry);
                    (sheet, entry) = StartSheet(zip, ++sheets, columns);
                    inSheet = 0;
                }
                WriteRow(sheet, row, columns, ++inSheet + 1);
            }
            if (sheet is null) (sheet, entry) = StartSheet(zip, ++sheets, columns);
            EndSheet(sheet, entry);
            WritePackageParts(zip, sheets);
        }
        temp.Position = 0;
        await temp.CopyToAsync(output, ct);
    }

    private static (XmlWriter, Stream) StartSheet(ZipArchive zip, int n, IReadOnlyList<DatastoreColumn> columns)
    {
        var entry = zip.CreateEntry($"xl/worksheets/sheet{n}.xml", CompressionLevel.Fastest).Open();
        var w = XmlWriter.Create(entry, new XmlWriterSettings { CloseOutput = false });
        w.WriteStartDocument();
        w.WriteStartElement("worksheet", Ns);
        w.WriteStartElement("sheetData", Ns);
        w.WriteStartElement("row", Ns);
        w.WriteAttributeString("r", "1");
        foreach (var c in columns) InlineString(w, c.Name);
        w.WriteEndElement();
        return (w, entry);
    }

    private static void WriteRow(XmlWriter w, object?[] row, IReadOnlyList<DatastoreColumn> columns, int r)
    {
        w.WriteStartElement("row", Ns);
        w.WriteAttributeString("r", r.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < row.Length; i++)
        {
            var v = row[i];
            if (v is null) { w.WriteStartElement("c", Ns); w.WriteEndElement(); continue; }
            switch (columns[i].Type)
            {
                case FieldType.Integer or FieldType.Decimal: Value(w, null, null, ExportWriters.Text(v)); break;
                case FieldType.Boolean: Value(w, "b", null, v is true ? "1" : "0"); break;
                case FieldType.Date or FieldType.DateTime when DateTime.TryParse((string)v, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d):
                    Value(w, null, columns[i].Type == FieldType.Date ? "1" : "2", d.ToOADate().ToString("R", CultureInfo.InvariantCulture)); break;
                default: InlineString(w, ExportWriters.Text(v)); break;
            }
        }
        w.WriteEndElement();
    }

    private static void Value(XmlWriter w, string? type, string? style, string value)
    {
        w.WriteStartElement("c", Ns);
        if (type is not null) w.WriteAttributeString("t", type);
        if (style is not null) w.WriteAttributeString("s", style);
        w.WriteElementString("v", Ns, value);
        w.WriteEndElement();
    }

    private static void InlineString(XmlWriter w, string s)
    {
        w.WriteStartElement("c", Ns);
        w.WriteAttributeString("t", "inlineStr");
        w.WriteStartElement("is", Ns);
        w.WriteStartElement("t", Ns);
        w.WriteAttributeString("xml", "space", null, "preserve");
        w.WriteString(ExportWriters.XmlSafe(s));
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void EndSheet(XmlWriter? w, Stream? entry)
    {
        if (w is null) return;
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
        w.Dispose();
        entry!.Dispose();
    }

    private static void WritePackageParts(ZipArchive zip, int sheets)
    {
        var range = Enumerable.Range(1, sheets).ToList();
        Part(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + string.Concat(range.Select(i => $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")) + "</Types>");
        Part(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Part(zip, "xl/workbook.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Ns}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            + string.Concat(range.Select(i => $"<sheet name=\"数据{(i == 1 ? "" : i.ToString(CultureInfo.InvariantCulture))}\" sheetId=\"{i}\" r:id=\"rId{i}\"/>")) + "</sheets></workbook>");
        Part(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + string.Concat(range.Select(i => $"<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>"))
            + $"<Relationship Id=\"rId{sheets + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>");
        Part(zip, "xl/styles.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"{Ns}\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd hh:mm:ss\"/></numFmts><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"等线\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs><cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        s.Write(System.Text.Encoding.UTF8.GetBytes(xml));
    }
}
