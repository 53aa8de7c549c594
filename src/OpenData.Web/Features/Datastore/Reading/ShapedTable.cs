namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>A file seen as a table: field names and the data rows, each exactly as wide as the header.</summary>
public sealed class ShapedTable(
    string[] names, long? headerRow, List<RawRow> buffered, IEnumerator<RawRow> rest,
    List<string> notes, int maxCellLength, string?[]? headerCells)
{
    internal static readonly string[] FooterPrefixes = ["注：", "注:", "注 ", "备注", "说明：", "说明:", "数据来源", "资料来源", "来源：", "来源:", "制表", "填报"];
    internal static readonly string[] TotalRows = ["合计", "总计", "小计", "合 计", "总 计"];
    private long _padded, _firstPadded, _footers, _sections;

    private string? _firstSection;
    public string[] Names { get; } = names;
    /// <summary>Cells trimmed so far (set by <see cref="TableShaper"/>, which counts the rows it read for the header too).</summary>
    internal TrimTally Trims { get; set; } = new();
    /// <summary>CSV rows should all be as wide as the header; spreadsheets simply omit trailing empty cells.</summary>
    public bool ReportShortRows { get; set; } = true;
    /// <summary>The unit a title or note row states for the table's numbers ("单位：亿元"), if any (<see cref="TitleUnit"/>).</summary>
    public string? Unit { get; internal set; }
    /// <summary>Null when the file has no header row and the names were generated.</summary>
    public long? HeaderRow { get; } = headerRow;

    public IReadOnlyList<string> Notes
    {
        get
        {
            var all = new List<string>(notes);
            if (_padded > 0) all.Add($"有 {_padded} 行的单元格少于表头的 {Names.Length} 列（首次出现在第 {_firstPadded} 行），缺少的单元格按空值处理。");
            if (_footers > 0) all.Add($"跳过了 {_footers} 行表尾的合计、注释或数据来源说明。");
            if (Trims.Count > 0)
                all.Add($"有 {Trims.Count} 个单元格的首尾带有空格（首次出现在第 {Trims.FirstRow} 行），已去掉这些空格后导入（如“{Trims.FirstValue}”），带空格与不带空格的同一内容按同一个值统计。");
            if (Unit is not null) all.Add($"表格标题或注释中注明了单位“{Unit}”，已作为数值字段的单位写入字段字典（可在字段字典中修改）。");
            if (_sections > 0) all.Add($"跳过了 {_sections} 行横跨整行的合并单元格分组标题（例如“{_firstSection}”）。");
            return all;
        }
    }

    /// <summary>True once <see cref="Rows"/> has handed out the rows read while looking for the header.</summary>
    internal bool PastBuffered { get; private set; }

    public IEnumerable<RawRow> Rows()
    {
        foreach (var row in buffered)
            if (Accept(row) is { } r) yield return r;
        PastBuffered = true;
        using (rest)
            while (rest.MoveNext())
                if (Accept(TableShaper.Clean(rest.Current, Trims)) is { } r) yield return r;
    }

    /// <summary>A raw row read past <see cref="Rows"/> (the CSV byte path's fallback), cleaned and checked as there.</summary>
    internal RawRow? Accept(string?[] raw, long number) => Accept(TableShaper.Clean(new RawRow(number, raw), Trims));

    private RawRow? Accept(RawRow row)
    {
        var cells = row.Cells;
        var nonEmpty = Cells.NonEmpty(cells);
        if (nonEmpty == 0) return null;
        if (IsFooter(cells, Cells.Width(cells)) || (headerCells is not null && cells.AsSpan().SequenceEqual(headerCells)))
        {
            _footers++;
            Unit ??= TitleUnit.Find(cells); // "注：本表单位为万元"
            return null;
        }
        // A merged cell across the whole row inside the data ("北京市（91所）") is a group title, not a record.
        // Only text repeated over three or more cells counts: a row of zeros is data.
        if (nonEmpty >= 3 && Cells.Width(cells) == 1 && cells.First(c => c is not null) is { } group && !Cells.LooksLikeData(group))
        {
            if (_sections++ == 0) _firstSection = group;
            return null;
        }
        var last = HeaderDetector.LastNonEmpty(cells);
        if (last >= Names.Length)
            throw new DatastoreInputException("RaggedRow",
                $"第 {row.Number} 行有 {last + 1} 个单元格，多于表头的 {Names.Length} 列（多出的内容在第 {last + 1} 列：“{Short(cells[last]!)}”）。通常是某个单元格中含有未加引号的分隔符。请给含逗号的单元格加上双引号，或删除多余的内容后重新上传。",
                row.Number, Cells.ColumnLabel(last));
        for (var i = 0; i < cells.Length; i++)
            if (cells[i] is { Length: var len } && len > maxCellLength)
                throw new DatastoreInputException("CellTooLong",
                    $"第 {row.Number} 行“{Names[Math.Min(i, Names.Length - 1)]}”列的内容有 {len} 个字符，超过 {maxCellLength} 个字符的上限。请缩短该单元格，大段文字请作为附件上传。",
                    row.Number, Names[Math.Min(i, Names.Length - 1)]);
        if (cells.Length == Names.Length) return row;
        if (cells.Length < Names.Length && ReportShortRows && _padded++ == 0) _firstPadded = row.Number;
        var fitted = new string?[Names.Length];
        Array.Copy(cells, fitted, Math.Min(cells.Length, fitted.Length));
        return new RawRow(row.Number, fitted);
    }

    private readonly PlainRowCheck _plain = new(names.Length, headerCells, maxCellLength);

    /// <summary>True when <see cref="Accept"/> would pass the tokenizer's row through untouched (<see cref="PlainRowCheck"/>).</summary>
    internal bool Plain(Utf8CsvTokenizer t) => _plain.Matches(t);

    private static bool IsFooter(string?[] cells, int nonEmpty)
    {
        var first = cells.First(c => c is not null)!;
        if (TotalRows.Contains(first)) return true;
        return nonEmpty <= 2 && FooterPrefixes.Any(p => first.StartsWith(p, StringComparison.Ordinal));
    }

    private static string Short(string s) => s.Length > 20 ? s[..20] + "…" : s;
}
