namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>A cell range such as "A1:C2" (1-based rows, 0-based columns).</summary>
public readonly record struct MergeRange(long FirstRow, int FirstCol, long LastRow, int LastCol)
{
    public static bool TryParse(string? reference, out MergeRange range)
    {
        range = default;
        if (string.IsNullOrEmpty(reference)) return false;
        var parts = reference.Split(':');
        if (!TryCell(parts[0], out var r1, out var c1)) return false;
        var (r2, c2) = (r1, c1);
        if (parts.Length > 1 && !TryCell(parts[1], out r2, out c2)) return false;
        range = new MergeRange(r1, c1, r2, c2);
        return true;
    }

    private static bool TryCell(string cell, out long row, out int col)
    {
        var letters = cell.TakeWhile(char.IsLetter).Count();
        col = Cells.ColumnIndex(cell.AsSpan(0, letters).ToString().ToUpperInvariant());
        return long.TryParse(cell.AsSpan(letters), out row) && col >= 0;
    }
}

/// <summary>Copies each merged range's top-left value into the rest of the range as rows stream past.</summary>
internal sealed class MergeFiller(List<MergeRange> merges)
{
    private readonly List<MergeRange> _pending = merges.OrderBy(m => m.FirstRow).ToList();
    private readonly Dictionary<MergeRange, string?> _active = [];
    private int _next;

    public string?[] Fill(long row, string?[] cells)
    {
        while (_next < _pending.Count && _pending[_next].FirstRow <= row)
        {
            var m = _pending[_next++];
            if (m.LastRow >= row) _active[m] = m.FirstRow == row && m.FirstCol < cells.Length ? cells[m.FirstCol] : null;
        }
        if (_active.Count == 0) return cells;
        foreach (var (m, value) in _active.ToList())
        {
            if (m.LastRow < row) { _active.Remove(m); continue; }
            if (value is null) continue;
            if (cells.Length <= m.LastCol) Array.Resize(ref cells, m.LastCol + 1);
            for (var c = m.FirstCol; c <= m.LastCol; c++) cells[c] ??= value;
        }
        return cells;
    }
}
