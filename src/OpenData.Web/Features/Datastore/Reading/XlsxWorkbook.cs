using System.Text;
using System.Xml;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>The parts of an XLSX workbook needed before the sheet: the sheet's path, shared strings, date styles.</summary>
internal sealed class XlsxWorkbook
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public string SheetPath { get; private init; } = "";
    public List<string> SharedStrings { get; } = [];
    /// <summary>Per cell style index: 0 = not a date, 1 = date, 2 = date and time.</summary>
    public List<byte> DateStyles { get; } = [];

    /// <summary>The named sheet, or (null, or a name the workbook does not have) the first sheet with a cell.</summary>
    public static XlsxWorkbook Load(XlsxPackage pkg, DatastoreOptions limits, string? sheet = null)
    {
        var sheets = Sheets(pkg);
        var path = sheets.FirstOrDefault(s => s.Name == sheet).Path
            ?? sheets.FirstOrDefault(s => HasCells(pkg, s.Path)).Path ?? sheets.FirstOrDefault().Path ?? "xl/worksheets/sheet1.xml";
        var wb = new XlsxWorkbook { SheetPath = path };
        if (pkg.Has("xl/sharedStrings.xml")) wb.ReadStrings(pkg, limits);
        if (pkg.Has("xl/styles.xml")) wb.ReadStyles(pkg);
        return wb;
    }

    /// <summary>Every worksheet with a cell, in workbook order: workbooks often start with an empty or cover sheet.</summary>
    public static List<SheetInfo> List(XlsxPackage pkg) =>
        Sheets(pkg).Select(s => new SheetInfo(s.Name, !HasCells(pkg, s.Path))).ToList();

    private static List<(string Name, string Path)> Sheets(XlsxPackage pkg)
    {
        var ids = new List<(string Name, string Id)>();
        using (var x = pkg.Open("xl/workbook.xml"))
            while (x.Read())
                if (x.NodeType == XmlNodeType.Element && x.LocalName == "sheet" && x.GetAttribute("id", Rel) is { } id)
                    ids.Add((x.GetAttribute("name") ?? $"Sheet{ids.Count + 1}", id));
        var targets = new Dictionary<string, string>();
        if (pkg.Has("xl/_rels/workbook.xml.rels"))
            using (var x = pkg.Open("xl/_rels/workbook.xml.rels"))
                while (x.Read())
                    if (x.NodeType == XmlNodeType.Element && x.LocalName == "Relationship" && x.GetAttribute("Id") is { } id)
                    {
                        var target = x.GetAttribute("Target") ?? "";
                        targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                    }
        return ids.Select(i => (i.Name, Path: targets.GetValueOrDefault(i.Id)!)).Where(s => s.Path is not null && pkg.Has(s.Path)).ToList();
    }

    private static bool HasCells(XlsxPackage pkg, string sheet)
    {
        using var x = pkg.Open(sheet);
        while (x.Read())
            if (x.NodeType == XmlNodeType.Element && x.LocalName is "v" or "is") return true;
        return false;
    }

    /// <summary>
    /// Reads the whole table (cells refer to it by index from anywhere in the sheet), stopping with a clear refusal
    /// as soon as it passes the count or character limit: a package that passed every size check still held 38
    /// million strings and took the server past 3 GB, so the table's memory is bounded here, not by the file.
    /// </summary>
    private void ReadStrings(XlsxPackage pkg, DatastoreOptions limits)
    {
        using var x = pkg.Open("xl/sharedStrings.xml");
        var sb = new StringBuilder();
        var phonetic = 0;
        var maxCount = (int)Math.Min(limits.XlsxMaxSharedStrings, limits.XlsxMaxCells);
        long chars = 0;
        x.Read();
        while (!x.EOF)
        {
            // ReadElementContentAsString already moves to the next node, so it must not be followed by Read().
            if (x.NodeType == XmlNodeType.Element && x.LocalName == "t" && x.NamespaceURI == Main && phonetic == 0)
            {
                sb.Append(x.ReadElementContentAsString());
                // One huge entry is refused before it is kept, not after.
                if (chars + sb.Length > limits.XlsxMaxSharedStringChars) throw TooManyStrings(maxCount, limits.XlsxMaxSharedStringChars);
                continue;
            }
            if (x.NamespaceURI == Main)
            {
                if (x.NodeType == XmlNodeType.Element && x.LocalName == "si") sb.Clear();
                else if (x.NodeType == XmlNodeType.Element && x.LocalName == "rPh" && !x.IsEmptyElement) phonetic++;
                else if (x.NodeType == XmlNodeType.EndElement && x.LocalName == "rPh") phonetic--;
                else if (x.NodeType == XmlNodeType.EndElement && x.LocalName == "si")
                {
                    if (SharedStrings.Count >= maxCount || (chars += sb.Length) > limits.XlsxMaxSharedStringChars)
                        throw TooManyStrings(maxCount, limits.XlsxMaxSharedStringChars);
                    SharedStrings.Add(sb.ToString());
                }
            }
            x.Read();
        }
    }

    private static DatastoreInputException TooManyStrings(int count, long chars) =>
        new("XlsxTooManyStrings", $"这个 XLSX 文件的共享字符串表超过了上限（{count:N0} 条或共 {chars:N0} 个字符），已拒绝处理，以免占用过多内存。" +
            "请删除多余的工作表或空白格式区域，或另存为 CSV 后上传。");

    private void ReadStyles(XlsxPackage pkg)
    {
        var custom = new Dictionary<int, string>();
        using var x = pkg.Open("xl/styles.xml");
        var inCellXfs = false;
        while (x.Read())
        {
            if (x.NodeType == XmlNodeType.Element && x.LocalName == "numFmt" && int.TryParse(x.GetAttribute("numFmtId"), out var id))
                custom[id] = x.GetAttribute("formatCode") ?? "";
            else if (x.LocalName == "cellXfs") inCellXfs = x.NodeType == XmlNodeType.Element && !x.IsEmptyElement;
            else if (inCellXfs && x.NodeType == XmlNodeType.Element && x.LocalName == "xf")
            {
                var fmt = int.TryParse(x.GetAttribute("numFmtId"), out var f) ? f : 0;
                DateStyles.Add(Classify(fmt, custom.GetValueOrDefault(fmt)));
            }
        }
    }

    /// <summary>Built-in date formats (incl. the Chinese ones 27–36, 50–58) and custom codes with date letters outside quotes.</summary>
    internal static byte Classify(int id, string? code)
    {
        if (id is 14 or 15 or 16 or 17 or (>= 27 and <= 31) or (>= 34 and <= 36) or (>= 50 and <= 58)) return 1;
        if (id is 18 or 19 or 20 or 21 or 22 or 32 or 33 or 45 or 46 or 47) return id == 22 ? (byte)2 : (byte)0;
        if (string.IsNullOrEmpty(code)) return 0;
        var plain = new StringBuilder();
        var quoted = false;
        var bracket = false;
        foreach (var ch in code)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == '[') bracket = true;
            else if (ch == ']') bracket = false;
            else if (!quoted && !bracket) plain.Append(char.ToLowerInvariant(ch));
        }
        var p = plain.ToString();
        var date = p.Contains('y') || p.Contains('d') || (p.Contains('m') && !p.Contains('h') && !p.Contains('s'));
        if (!date) return 0;
        return p.Contains('h') || p.Contains('s') ? (byte)2 : (byte)1;
    }
}
