namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// Turns raw rows of any format into a table: finds the header below title rows, flattens a two-row
/// header made of merged cells ("地址-经度"), names blank and duplicate columns, skips blank rows,
/// repeated header rows and footer rows (注:, 数据来源, 合计 …).
/// Ragged rows (policy, see ADR 0010): short rows are padded with empty cells and counted in a
/// warning; a row with extra non-empty cells is an error, because it almost always means an
/// unquoted delimiter shifted the values and loading it would put data under the wrong fields.
/// </summary>
public sealed class TableShaper(DatastoreOptions limits)
{
    public ShapedTable Shape(IEnumerable<RawRow> rows)
    {
        var e = rows.GetEnumerator();
        var head = new List<RawRow>();
        var trims = new TrimTally();
        while (head.Count < limits.HeaderScanRows && e.MoveNext())
        {
            var cleaned = Clean(e.Current, trims);
            if (Cells.NonEmpty(cleaned.Cells) > 0) head.Add(cleaned);
        }
        if (head.Count == 0)
        {
            e.Dispose();
            throw new DatastoreInputException("EmptyFile", "文件是空的，没有找到任何数据。请确认上传的是正确的文件，并且数据在第一个工作表中。");
        }
        var table = HeaderDetector.Detect(head, e, limits);
        table.Trims = trims;
        return table;
    }

    internal static RawRow Clean(RawRow row, TrimTally? trims = null)
    {
        var cells = new string?[row.Cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            var raw = row.Cells[i];
            cells[i] = Cells.Clean(raw);
            // Clean hands back the same string when there was nothing to trim.
            if (trims is not null && cells[i] is { } c && !ReferenceEquals(c, raw)) trims.Add(row.Number, c);
        }
        return new RawRow(row.Number, cells);
    }
}

/// <summary>How many cells lost leading or trailing spaces: the ingestion report says so, since "莲都区 " and
/// "莲都区" then count as one value.</summary>
public sealed class TrimTally
{
    public long Count { get; private set; }
    public long FirstRow { get; private set; }
    public string FirstValue { get; private set; } = "";

    public void Add(long row, string trimmed)
    {
        if (Count++ != 0) return;
        FirstRow = row;
        FirstValue = trimmed.Length > 20 ? trimmed[..20] + "…" : trimmed;
    }
}
