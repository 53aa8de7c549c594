using System.Globalization;
using System.Xml;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// Streams one worksheet (<see cref="Sheet"/>, else the first with a cell) of an XLSX with XmlReader (constant memory apart from the shared strings, which are bounded).
/// Merged cells are filled with their top-left value, so a province merged down many rows reaches
/// every row and a merged header group can be flattened ("地址-经度"). Date-formatted numbers (Excel
/// serials) become ISO dates. A first quick pass reads the dimension and the merge list (stored after
/// the rows) and refuses a sheet that claims more cells than allowed.
/// </summary>
public sealed class XlsxTableReader(DatastoreOptions limits) : ITableReader
{
    /// <summary>The worksheet to read; null (or a name the workbook lacks) reads the first sheet with a cell.</summary>
    public string? Sheet { get; init; }

    private readonly List<string> _notes = [];
    public IReadOnlyList<string> Notes => _notes;

    public IEnumerable<RawRow> ReadRows(Stream file, CancellationToken ct)
    {
        _notes.Clear();
        using var pkg = new XlsxPackage(file, limits);
        var wb = XlsxWorkbook.Load(pkg, limits, Sheet);
        var merges = ScanMerges(pkg, wb.SheetPath);
        if (merges.Count > 0) _notes.Add($"工作表中有 {merges.Count} 处合并单元格，已按左上角的值填充。");
        var filler = new MergeFiller(merges);
        using var x = pkg.Open(wb.SheetPath);
        var cells = new List<string?>();
        long cellCount = 0, rowNumber = 0;
        while (x.Read())
        {
            if (x.NodeType != XmlNodeType.Element) continue;
            if (x.LocalName == "row")
            {
                rowNumber = long.TryParse(x.GetAttribute("r"), out var r) ? r : rowNumber + 1;
                cells.Clear();
                if (x.IsEmptyElement) continue;
                using var row = x.ReadSubtree();
                while (row.Read())
                {
                    if (row.NodeType != XmlNodeType.Element || row.LocalName != "c") continue;
                    if (++cellCount > limits.XlsxMaxCells) throw TooManyCells(rowNumber);
                    var reference = row.GetAttribute("r");
                    var col = reference is null ? cells.Count : Cells.ColumnIndex(reference);
                    var value = ReadCell(row, wb);
                    while (cells.Count <= col) cells.Add(null);
                    cells[col] = value;
                }
                ct.ThrowIfCancellationRequested();
                yield return new RawRow(rowNumber, filler.Fill(rowNumber, cells.ToArray()));
            }
        }
    }

    private DatastoreInputException TooManyCells(long row) =>
        new("XlsxTooManyCells", $"工作表的单元格数量超过了 {limits.XlsxMaxCells:N0} 个的上限（第 {row} 行）。请删除空白格式区域或拆分为多个文件后上传。", row);

    private static string? ReadCell(XmlReader c, XlsxWorkbook wb)
    {
        var type = c.GetAttribute("t");
        var style = int.TryParse(c.GetAttribute("s"), out var s) ? s : 0;
        string? raw = null;
        if (c.IsEmptyElement) return null;
        using var sub = c.ReadSubtree();
        sub.Read();
        while (!sub.EOF)
        {
            if (sub.NodeType == XmlNodeType.Element && sub.LocalName == "v") raw = sub.ReadElementContentAsString();
            else if (sub.NodeType == XmlNodeType.Element && sub.LocalName == "t") raw = (raw ?? "") + sub.ReadElementContentAsString();
            else sub.Read();
        }
        if (raw is null) return null;
        switch (type)
        {
            case "s": return int.TryParse(raw, out var i) && i < wb.SharedStrings.Count ? wb.SharedStrings[i] : null;
            case "b": return raw == "1" ? "TRUE" : "FALSE";
            case "e": return null;
            case "str" or "inlineStr": return raw;
        }
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
        var dateKind = style < wb.DateStyles.Count ? wb.DateStyles[style] : 0;
        if (dateKind > 0 && number is > 0 and < 2958466)
        {
            var dt = DateTime.FromOADate(number);
            return dateKind == 1 && dt.TimeOfDay == TimeSpan.Zero
                ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }
        return number.ToString("G15", CultureInfo.InvariantCulture); // Excel shows 15 digits: hides 0.1+0.2 noise
    }

    private List<MergeRange> ScanMerges(XlsxPackage pkg, string sheet)
    {
        var merges = new List<MergeRange>();
        using var x = pkg.Open(sheet);
        while (x.Read())
        {
            if (x.NodeType != XmlNodeType.Element) continue;
            if (x.LocalName == "dimension" && MergeRange.TryParse(x.GetAttribute("ref"), out var dim)
                && (long)(dim.LastRow - dim.FirstRow + 1) * (dim.LastCol - dim.FirstCol + 1) > limits.XlsxMaxCells)
                throw TooManyCells(dim.LastRow);
            else if (x.LocalName == "sheetData") x.Skip(); // skips the rows without materialising them
            else if (x.LocalName == "mergeCell" && MergeRange.TryParse(x.GetAttribute("ref"), out var m)) merges.Add(m);
        }
        return merges;
    }
}
