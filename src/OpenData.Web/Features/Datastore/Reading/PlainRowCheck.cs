using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// The CSV byte path's gate (ADR 0012): true when the tokenizer's row is one <see cref="ShapedTable"/> would pass
/// through untouched once cleaned — exactly as wide as the header, valid UTF-8 without NUL, no cell to trim or over
/// the limit, and not possibly a footer, a total, a section title or a repeated header. Anything else goes the
/// string way, which decides (and counts) as before. Conservative on purpose: a false "no" only costs time.
/// A new rule in <see cref="ShapedTable"/>'s row checks must be mirrored here (or make this return false).
/// </summary>
internal sealed class PlainRowCheck(int width, string?[]? headerCells, int maxCellLength)
{
    private static readonly byte[][] FooterPrefixesUtf8 = [.. ShapedTable.FooterPrefixes.Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[][] TotalRowsUtf8 = [.. ShapedTable.TotalRows.Select(Encoding.UTF8.GetBytes)];
    private readonly byte[]?[]? _headerUtf8 = headerCells?.Select(c => c is null ? null : Encoding.UTF8.GetBytes(c)).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Matches(Utf8CsvTokenizer t)
    {
        if (t.Count != width || t.Raw.Contains((byte)0) || (!t.KnownValid && !Utf8.IsValid(t.Raw))) return false;
        int nonEmpty = 0, first = -1;
        var same = true;
        for (var i = 0; i < t.Count; i++)
        {
            var c = t.Cell(i);
            if (c.IsEmpty) continue;
            if (c.Length > maxCellLength || Trimmable(c)) return false;
            if (first < 0) first = i;
            else if (same && !c.SequenceEqual(t.Cell(first))) same = false;
            nonEmpty++;
        }
        if (nonEmpty == 0) return false;
        var head = t.Cell(first);
        foreach (var total in TotalRowsUtf8) if (head.SequenceEqual(total)) return false;
        if (nonEmpty >= 3 ? same : StartsWithAny(head, FooterPrefixesUtf8)) return false;
        return !HeaderAgain(t);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool StartsWithAny(ReadOnlySpan<byte> cell, byte[][] prefixes)
    {
        foreach (var p in prefixes) if (cell.StartsWith(p)) return true;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool HeaderAgain(Utf8CsvTokenizer t)
    {
        if (_headerUtf8 is not { } header || header.Length != t.Count) return false;
        for (var i = 0; i < header.Length; i++)
            if (!t.Cell(i).SequenceEqual(header[i] ?? [])) return false;
        return true;
    }

    /// <summary>Starts or ends with what <see cref="Cells.Clean"/> trims (any ASCII control or space counts, to be safe).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Trimmable(ReadOnlySpan<byte> c)
    {
        if (c[0] <= 0x20 || c[^1] <= 0x20) return true;
        // Every trimmed non-ASCII character (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000, U+FEFF) starts with one of
        // these lead bytes; Chinese text (E4–E9) is ruled out without decoding. The row is valid UTF-8 here.
        if (IsTrimLead(c[0]) && Rune.DecodeFromUtf8(c, out var r, out _) == OperationStatus.Done && Trims(r)) return true;
        return c[^1] >= 0x80 && ((c.Length >= 2 && c[^2] == 0xC2) || (c.Length >= 3 && IsTrimLead(c[^3])))
            && Rune.DecodeLastFromUtf8(c, out r, out _) == OperationStatus.Done && Trims(r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsTrimLead(byte b) => b is 0xC2 or 0xE1 or 0xE2 or 0xE3 or 0xEF;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Trims(Rune r) => Rune.IsWhiteSpace(r) || r.Value is 0x200B or 0xFEFF;
}
