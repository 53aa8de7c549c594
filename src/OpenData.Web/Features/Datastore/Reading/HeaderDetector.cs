namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>Header row choice over the first non-blank rows of a file.</summary>
internal static class HeaderDetector
{
    public static ShapedTable Detect(List<RawRow> head, IEnumerator<RawRow> rest, DatastoreOptions limits)
    {
        var widest = head.Max(r => Cells.Width(r.Cells));
        // Title rows ("2016年全国高等学校名单", "单位：万元") have far fewer cells than the header below them.
        var threshold = Math.Max(1, (int)Math.Ceiling(widest * 0.6));
        // ... and the header reaches as far right as the row below it ("单位：万元,2023年" above a
        // three-column table has two cells but stops short).
        var h = Enumerable.Range(0, head.Count).First(i => Cells.Width(head[i].Cells) >= threshold
            && (i + 1 >= head.Count || LastNonEmpty(head[i].Cells) >= LastNonEmpty(head[i + 1].Cells) || Cells.Width(head[i].Cells) == widest));
        var header = head[h];
        var notes = new List<string>();
        if (h > 0) notes.Add($"跳过了表头上方的 {h} 行标题或说明（表头在第 {header.Number} 行）。");
        var unit = head.Take(h).Select(r => TitleUnit.Find(r.Cells)).FirstOrDefault(u => u is not null);

        var values = header.Cells.Where(c => c is not null).ToList();
        var dataLike = values.Count(v => Cells.LooksLikeData(v!));
        string?[] names;
        int firstData;
        if (values.Count > 1 && dataLike * 2 >= values.Count)
        {
            // The first row already holds numbers or dates: the file has no header row.
            names = new string?[header.Cells.Length];
            firstData = h;
            notes.Add("第一行是数据而不是表头，字段名按“列1、列2…”生成，可在字段字典中修改。");
        }
        else if (h + 1 < head.Count && IsSubHeader(header.Cells, head[h + 1].Cells))
        {
            names = Flatten(header.Cells, head[h + 1].Cells);
            firstData = h + 2;
            notes.Add($"第 {header.Number} 行和第 {head[h + 1].Number} 行是合并单元格组成的两行表头，已合并为“上级-下级”字段名。");
        }
        else
        {
            names = header.Cells;
            firstData = h + 1;
        }
        // With a header, its cells set the width (blank header cells above data become 列N); a data row
        // reaching further is a ragged row. Without a header, the widest of the first rows sets it.
        var dataWidth = head.Skip(firstData).Select(r => LastNonEmpty(r.Cells) + 1).DefaultIfEmpty(0).Max();
        var width = firstData == h ? dataWidth : Math.Max(LastNonEmpty(names) + 1, Math.Min(dataWidth, names.Length));
        width = Math.Max(width, 1);
        if (width > limits.MaxColumns)
            throw new DatastoreInputException("TooManyColumns",
                $"表格有 {width} 列，超过了 {limits.MaxColumns} 列的上限。请删除不需要的列，或把数据拆分为多个资源后上传。", header.Number);
        var fieldNames = NameFields(names, width);
        var hasHeader = firstData != h;
        return new ShapedTable(fieldNames, hasHeader ? header.Number : null, head.Skip(firstData).ToList(), rest, notes,
            limits.MaxCellLength, hasHeader ? header.Cells : null) { Unit = unit };
    }

    /// <summary>
    /// The row under the header completes it when the header has gaps or repeats (a filled or blank
    /// horizontal merge) exactly where the row below has text, and the row below holds no numbers.
    /// </summary>
    private static bool IsSubHeader(string?[] top, string?[] below)
    {
        if (below.Any(c => c is not null && Cells.LooksLikeData(c))) return false;
        var spans = false;
        for (var j = 1; j < below.Length; j++)
        {
            if (below[j] is null) continue;
            var t = j < top.Length ? top[j] : null;
            if (t is null || t == top[j - 1]) spans = true;
        }
        return spans && Cells.NonEmpty(below) >= 2;
    }

    private static string?[] Flatten(string?[] top, string?[] below)
    {
        var width = Math.Max(top.Length, below.Length);
        var names = new string?[width];
        string? group = null;
        for (var j = 0; j < width; j++)
        {
            var t = j < top.Length ? top[j] : null;
            var b = j < below.Length ? below[j] : null;
            if (t is not null) group = t;
            else if (b is not null) t = group; // a blank-exported merge continues the group on its left
            names[j] = t is null ? b : b is null || b == t ? t : $"{t}-{b}";
        }
        return names;
    }

    private static string[] NameFields(string?[] raw, int width)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var names = new string[width];
        for (var j = 0; j < width; j++)
        {
            var name = j < raw.Length ? raw[j] : null;
            name = name is null ? $"列{j + 1}" : string.Join(' ', name.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (name.Length > 100) name = name[..100];
            var unique = name;
            for (var k = 2; !used.Add(unique); k++) unique = $"{name}_{k}";
            names[j] = unique;
        }
        return names;
    }

    internal static int LastNonEmpty(string?[] cells)
    {
        for (var i = cells.Length - 1; i >= 0; i--) if (cells[i] is not null) return i;
        return -1;
    }
}
