using System.Globalization;
using ExcelDataReader;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>Legacy Excel 97–2003 (.xls, BIFF8) through ExcelDataReader: the named (or first non-empty) sheet, merged cells filled, dates as ISO text.</summary>
public sealed class XlsTableReader(DatastoreOptions limits) : ITableReader
{
    /// <summary>The worksheet to read; null (or a name the workbook lacks) reads the first sheet with rows.</summary>
    public string? Sheet { get; init; }
    /// <summary>The worksheet actually read.</summary>
    public string? SheetRead { get; private set; }

    private readonly List<string> _notes = [];
    public IReadOnlyList<string> Notes => _notes;

    public IEnumerable<RawRow> ReadRows(Stream file, CancellationToken ct)
    {
        _notes.Clear();
        TextEncodingDetector.EnsureCodePages();
        if (!LooksLikeXls(file))
            throw new DatastoreInputException("NotXls",
                "文件扩展名是 .xls，但内容不是 Excel 97-2003 工作簿（有些系统导出的“.xls”其实是网页或文本）。请用 Excel 或 WPS 打开后另存为 .xlsx 再上传。");
        var wanted = Sheet is not null && HasSheet(file, Sheet);
        using var reader = Open(file);
        if (wanted) while (reader.Name != Sheet && reader.NextResult()) { }
        // Skip empty leading sheets (cover pages) the same way as for XLSX.
        else while (reader.RowCount == 0 && reader.NextResult()) { }
        SheetRead = reader.Name;
        var merges = (reader.MergeCells ?? []).Select(m => new MergeRange(m.FromRow + 1, m.FromColumn, m.ToRow + 1, m.ToColumn)).ToList();
        if (merges.Count > 0) _notes.Add($"工作表中有 {merges.Count} 处合并单元格，已按左上角的值填充。");
        var filler = new MergeFiller(merges);
        long row = 0, cells = 0;
        while (reader.Read())
        {
            ct.ThrowIfCancellationRequested();
            row++;
            var values = new string?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++) values[i] = Text(reader.GetValue(i));
            if ((cells += values.Length) > limits.XlsxMaxCells)
                throw new DatastoreInputException("XlsxTooManyCells", $"工作表的单元格数量超过了 {limits.XlsxMaxCells:N0} 个的上限（第 {row} 行）。请拆分为多个文件后上传。", row);
            yield return new RawRow(row, filler.Fill(row, values));
        }
    }

    internal static bool LooksLikeXls(Stream file)
    {
        TextEncodingDetector.EnsureCodePages();
        Span<byte> magic = stackalloc byte[4];
        var n = file.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        file.Position = 0;
        return n == 4 && magic[0] == 0xD0 && magic[1] == 0xCF && magic[2] == 0x11 && magic[3] == 0xE0;
    }

    internal static IExcelDataReader Open(Stream file) => ExcelReaderFactory.CreateBinaryReader(file, new ExcelReaderConfiguration
    {
        FallbackEncoding = TextEncodingDetector.Gb18030,
        LeaveOpen = true,
    });

    private static bool HasSheet(Stream file, string name)
    {
        using (var reader = Open(file))
            do { if (reader.Name == name) { file.Position = 0; return true; } } while (reader.NextResult());
        file.Position = 0;
        return false;
    }

    private static string? Text(object? v) => v switch
    {
        null => null,
        DateTime d => d.TimeOfDay == TimeSpan.Zero
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double x => x.ToString("G15", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };
}
