using ExcelDataReader;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>One worksheet of a workbook: its name and whether it has no cell at all.</summary>
public readonly record struct SheetInfo(string Name, bool Empty);

/// <summary>
/// The worksheets of an XLSX or XLS file, so an upload can load each non-empty sheet as its own resource and the
/// ingestion report can say which sheets were loaded and which were skipped. Other formats have none.
/// </summary>
public static class WorkbookSheets
{
    public static IReadOnlyList<SheetInfo> List(string fileName, Stream file, DatastoreOptions limits)
    {
        var reader = TableReaders.For(fileName, file, limits, null);
        file.Position = 0;
        try
        {
            return reader switch
            {
                XlsxTableReader => ListXlsx(file, limits),
                XlsTableReader => ListXls(file),
                _ => [],
            };
        }
        finally { file.Position = 0; }
    }

    private static List<SheetInfo> ListXlsx(Stream file, DatastoreOptions limits)
    {
        using var pkg = new XlsxPackage(file, limits);
        return XlsxWorkbook.List(pkg);
    }

    private static List<SheetInfo> ListXls(Stream file)
    {
        if (!XlsTableReader.LooksLikeXls(file)) return [];
        using var reader = XlsTableReader.Open(file);
        var sheets = new List<SheetInfo>();
        do
        {
            var empty = true;
            while (empty && reader.Read())
                for (var i = 0; i < reader.FieldCount && empty; i++)
                    empty = reader.GetValue(i) is null or "";
            sheets.Add(new SheetInfo(reader.Name ?? $"Sheet{sheets.Count + 1}", empty));
        } while (reader.NextResult());
        return sheets;
    }

    /// <summary>The report's sentence about a workbook's sheets, or null when it has only one.</summary>
    public static string? Describe(IReadOnlyList<SheetInfo> sheets, string loaded)
    {
        if (sheets.Count < 2) return null;
        var full = sheets.Where(s => !s.Empty).Select(s => $"“{s.Name}”").ToList();
        var empty = sheets.Where(s => s.Empty).Select(s => $"“{s.Name}”").ToList();
        var text = $"工作簿共有 {sheets.Count} 个工作表，本资源载入的是工作表“{loaded}”。";
        if (full.Count > 1) text += $"有数据的工作表 {string.Join("、", full)} 在上传为新资源时各自载入为一个资源。";
        if (empty.Count > 0) text += $"工作表 {string.Join("、", empty)} 是空的，已跳过。";
        return text;
    }
}
