namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>Picks the reader by extension; each reader then checks that the content matches.</summary>
public static class TableReaders
{
    public static readonly string[] Extensions = [".csv", ".tsv", ".txt", ".xlsx", ".xls", ".json"];

    /// <summary><paramref name="sheet"/> picks a workbook's worksheet by name (null: the first with data).</summary>
    public static ITableReader For(string fileName, Stream file, DatastoreOptions limits, string? sheet = null)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (ext == ".xls" && StartsWithZip(file)) ext = ".xlsx"; // an .xlsx renamed to .xls is common
        return ext switch
        {
            ".csv" or ".tsv" or ".txt" => new CsvTableReader(limits.MaxCellLength),
            ".xlsx" => new XlsxTableReader(limits) { Sheet = sheet },
            ".xls" => new XlsTableReader(limits) { Sheet = sheet },
            ".json" => new JsonArrayReader(),
            _ => throw new DatastoreInputException("UnsupportedFormat",
                $"不支持“{ext}”格式的文件入库。可入库的格式为 CSV、XLSX、XLS 和 JSON 数组；其他文件可作为附件发布。"),
        };
    }

    private static bool StartsWithZip(Stream file)
    {
        var a = file.ReadByte();
        var b = file.ReadByte();
        file.Position = 0;
        return a == 'P' && b == 'K';
    }
}
