using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace OpenData.UnitTests.Features.Datastore.Fixtures;

/// <summary>
/// Writes small XLSX workbooks the way Excel does: shared strings, a styles part with a built-in date
/// format (14) and a Chinese custom one, merged ranges after the rows. Cells: string (shared string),
/// double/int (number), DateTime (serial with a date style), null (left out).
/// </summary>
public static class XlsxFixture
{
    public static byte[] Build(object?[][] rows, params string[] merges) => Build(rows, false, merges);

    /// <param name="coverSheet">Adds an empty first worksheet, as many exported workbooks have.</param>
    public static byte[] Build(object?[][] rows, bool coverSheet, params string[] merges)
    {
        var strings = new List<string>();
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        sheet.Append($"<dimension ref=\"A1:{Col(rows.Max(r => r.Length) - 1)}{rows.Length}\"/><sheetData>");
        for (var r = 0; r < rows.Length; r++)
        {
            sheet.Append($"<row r=\"{r + 1}\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var at = $"{Col(c)}{r + 1}";
                switch (rows[r][c])
                {
                    case string s:
                        strings.Add(s);
                        sheet.Append($"<c r=\"{at}\" t=\"s\"><v>{strings.Count - 1}</v></c>");
                        break;
                    case DateTime d:
                        sheet.Append($"<c r=\"{at}\" s=\"{(d.Day % 2 == 0 ? 1 : 2)}\"><v>{d.ToOADate().ToString(CultureInfo.InvariantCulture)}</v></c>");
                        break;
                    case IFormattable n:
                        sheet.Append($"<c r=\"{at}\"><v>{n.ToString(null, CultureInfo.InvariantCulture)}</v></c>");
                        break;
                }
            }
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData>");
        if (merges.Length > 0)
            sheet.Append($"<mergeCells count=\"{merges.Length}\">").Append(string.Concat(merges.Select(m => $"<mergeCell ref=\"{m}\"/>"))).Append("</mergeCells>");
        sheet.Append("</worksheet>");

        var sst = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{strings.Count}\">");
        foreach (var s in strings) sst.Append($"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>");
        sst.Append("</sst>");

        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>",
            ["_rels/.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            ["xl/workbook.xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"封面\" sheetId=\"2\" r:id=\"rId8\"/><sheet name=\"数据\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/data.xml\"/><Relationship Id=\"rId8\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/cover.xml\"/></Relationships>",
            ["xl/styles.xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/></numFmts><cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"176\"/></cellXfs></styleSheet>",
            ["xl/sharedStrings.xml"] = sst.ToString(),
            ["xl/worksheets/data.xml"] = sheet.ToString(),
        };
        if (coverSheet) parts["xl/worksheets/cover.xml"] = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>";
        return Zip(parts);
    }

    /// <summary>A valid-looking workbook whose sheet inflates to <paramref name="bytes"/> of spaces (about 1000:1).</summary>
    public static byte[] ZipBomb(long bytes)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new Dictionary<string, string>
            {
                ["xl/workbook.xml"] = "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets><sheet name=\"a\" sheetId=\"1\"/></sheets></workbook>",
            })
                using (var s = zip.CreateEntry(name).Open()) s.Write(Encoding.UTF8.GetBytes(text));
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)' ');
            for (long written = 0; written < bytes; written += chunk.Length) sheet.Write(chunk);
        }
        return ms.ToArray();
    }

    /// <summary>A small sheet over a shared-string table of <paramref name="count"/> distinct strings (an ordinary ratio, no bomb).</summary>
    public static byte[] SharedStringFlood(int count)
    {
        var rows = new object?[][] { ["名称"], ["值"] };
        var parts = Build(rows);
        var sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        sst.Append("<si><t>名称</t></si><si><t>值</t></si>");
        for (var i = 0; i < count; i++) sst.Append("<si><t>条目").Append(i.ToString(CultureInfo.InvariantCulture)).Append("</t></si>");
        sst.Append("</sst>");
        var ms = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(parts), ZipArchiveMode.Read))
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in source.Entries)
            {
                using var target = zip.CreateEntry(e.FullName).Open();
                if (e.FullName == "xl/sharedStrings.xml") target.Write(Encoding.UTF8.GetBytes(sst.ToString()));
                else using (var from = e.Open()) from.CopyTo(target);
            }
        return ms.ToArray();
    }

    private static string Col(int index)
    {
        var s = "";
        for (index++; index > 0; index = (index - 1) / 26) s = (char)('A' + (index - 1) % 26) + s;
        return s;
    }

    private static byte[] Zip(Dictionary<string, string> parts)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in parts)
                using (var s = zip.CreateEntry(name).Open()) s.Write(Encoding.UTF8.GetBytes(text));
        return ms.ToArray();
    }
}
