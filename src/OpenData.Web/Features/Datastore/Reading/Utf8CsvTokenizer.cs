using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// RFC 4180 over UTF-8 bytes (ADR 0012): a row at a time, each cell a span of the file buffer (or, for a quoted
/// cell with doubled quotes or text after its closing quote, of a scratch buffer holding the unescaped bytes).
/// Same rules, line numbers, limits and messages as the former char reader: a quote opens a quoted cell only
/// at the start of a cell, elsewhere it is kept; a newline inside quotes counts as a line; CR, LF and CRLF end
/// a record. A row is tokenized only when it lies whole in the buffer: at the buffer's end the buffer is
/// compacted (and doubled when one row fills it) and the row is scanned again from its start.
/// Spans are valid until the next <see cref="Next"/>. The hot methods are compiled fully optimized at once
/// (<c>AggressiveOptimization</c>): a load is over before tiered compilation would have caught up on 2 cores.
/// </summary>
internal sealed class Utf8CsvTokenizer(Stream input, byte delimiter, int maxCellLength, int bufferSize = 1 << 16)
{
    private readonly SearchValues<byte> _stops = SearchValues.Create([delimiter, (byte)'\n', (byte)'\r']);
    private byte[] _buf = new byte[bufferSize];
    private int _pos, _end;
    private bool _eof;
    private long _line = 1;
    private (int Start, int Length, bool Scratch)[] _cells = new (int, int, bool)[16];
    private byte[] _scratch = new byte[256];
    private int _scratchLength, _rowStart, _rowEnd;

    /// <summary>Set when the input is known to be valid UTF-8 (checked whole by the encoding detector, or transcoded).</summary>
    public bool KnownValid { get; init; }

    /// <summary>
    /// Set when the file was taken for UTF-8 from its beginning only: every row is then checked (plain rows by
    /// <see cref="PlainRowCheck"/>, the others in <see cref="Strings"/>), and at the end of the file a row that was
    /// not UTF-8 throws <see cref="EncodingGuessMiss"/>: the load rolls back and the file is read again as GB18030.
    /// </summary>
    public bool Utf8Guessed { get; init; }
    private bool _sawInvalid;

    public int Count { get; private set; }
    /// <summary>The line where the current record starts (1-based).</summary>
    public long Number { get; private set; }
    /// <summary>The current record's bytes as in the file (quotes and delimiters included).</summary>
    public ReadOnlySpan<byte> Raw => _buf.AsSpan(_rowStart, _rowEnd - _rowStart);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Cell(int i)
    {
        var (start, length, scratch) = _cells[i];
        return (scratch ? _scratch : _buf).AsSpan(start, length);
    }

    /// <summary>The current row's cells as strings (never null; "" for an empty cell), invalid bytes as U+FFFD.</summary>
    public string?[] Strings()
    {
        if (!KnownValid && !_sawInvalid && !Utf8.IsValid(Raw)) _sawInvalid = true;
        var cells = new string?[Count];
        for (var i = 0; i < cells.Length; i++)
        {
            var c = Cell(i);
            cells[i] = c.IsEmpty ? "" : Encoding.UTF8.GetString(c);
        }
        return cells;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next()
    {
        while (true)
        {
            if (_pos >= _end && _eof) return _sawInvalid && Utf8Guessed ? throw new EncodingGuessMiss() : false;
            if (Scan(_eof) is { } next)
            {
                _rowStart = _pos;
                _rowEnd = next;
                _pos = next;
                return true;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (_pos > 0)
        {
            _buf.AsSpan(_pos, _end - _pos).CopyTo(_buf);
            (_end, _pos) = (_end - _pos, 0);
        }
        else if (_end == _buf.Length) Array.Resize(ref _buf, _buf.Length * 2); // one row fills the buffer
        var n = input.Read(_buf, _end, _buf.Length - _end);
        if (n == 0) _eof = true;
        _end += n;
    }

    /// <summary>Tokenizes the row at <see cref="_pos"/>; its end, or null when the buffer ends first and more may come.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int? Scan(bool final)
    {
        var buf = _buf.AsSpan(0, _end);
        var p = _pos;
        var line = _line; // newlines inside quotes count as lines
        Number = _line;
        Count = 0;
        _scratchLength = 0;
        while (true)
        {
            var cellStart = p;
            int start, length;
            var scratch = false;
            if (p < buf.Length && buf[p] == '"')
            {
                start = ++p;
                while (true)
                {
                    var q = buf[p..].IndexOf((byte)'"');
                    var chunk = q < 0 ? buf[p..] : buf.Slice(p, q);
                    line += chunk.Count((byte)'\n');
                    if (scratch) Append(chunk);
                    if (q < 0 || (p + q + 1 >= buf.Length && !final))
                    {
                        if (!final) { TooLongSoFar(buf.Length - cellStart); return null; }
                        CheckLength(scratch ? _scratch.AsSpan(_cellScratch, _scratchLength - _cellScratch) : buf[start..]);
                        throw Unclosed();
                    }
                    p += q + 1;
                    if (p < buf.Length && buf[p] == '"')
                    {
                        if (!scratch) StartScratch(buf[start..p], out scratch); // the content so far and one quote
                        else Append("\""u8);
                        p++;
                        continue;
                    }
                    break;
                }
                length = p - 1 - start; // without the closing quote
                // Text after the closing quote belongs to the cell, quotes included, up to the next delimiter or newline.
                if (p < buf.Length && !_stops.Contains(buf[p]))
                {
                    if (!scratch) StartScratch(buf.Slice(start, length), out scratch);
                    var tail = buf[p..].IndexOfAny(_stops);
                    if (tail < 0 && !final) { TooLongSoFar(buf.Length - cellStart); return null; }
                    var end = tail < 0 ? buf.Length : p + tail;
                    Append(buf[p..end]);
                    p = end;
                }
                if (scratch) (start, length) = (_cellScratch, _scratchLength - _cellScratch);
            }
            else
            {
                var i = buf[p..].IndexOfAny(_stops);
                if (i < 0 && !final) { TooLongSoFar(buf.Length - cellStart); return null; }
                start = p;
                length = i < 0 ? buf.Length - p : i;
                p += length;
            }
            CheckLength(scratch ? _scratch.AsSpan(start, length) : buf.Slice(start, length));
            Add(start, length, scratch);
            if (p >= buf.Length) { _line = line + 1; return p; } // the last record, without a newline
            var stop = buf[p++];
            if (stop == delimiter) continue;
            if (stop == '\r')
            {
                if (p >= buf.Length && !final) return null; // a LF may follow in the next read
                if (p < buf.Length && buf[p] == '\n') p++;
            }
            _line = line + 1;
            return p;
        }
    }

    private int _cellScratch;

    private void StartScratch(ReadOnlySpan<byte> content, out bool scratch)
    {
        _cellScratch = _scratchLength;
        Append(content);
        scratch = true;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_scratchLength + bytes.Length > _scratch.Length) Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + bytes.Length));
        bytes.CopyTo(_scratch.AsSpan(_scratchLength));
        _scratchLength += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(int start, int length, bool scratch)
    {
        if (Count == _cells.Length) Grow();
        _cells[Count++] = (start, length, scratch);
    }

    private void Grow() => Array.Resize(ref _cells, _cells.Length * 2);

    /// <summary>A cell with more characters than the limit, with its row and column, as the char reader reported it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckLength(ReadOnlySpan<byte> content)
    {
        if (content.Length > maxCellLength && Encoding.UTF8.GetCharCount(content) > maxCellLength) throw TooLong();
    }

    /// <summary>
    /// An unfinished cell whose bytes cannot hold fewer characters than the limit (at most 3 bytes, or a doubled
    /// quote's 2, per character) stops the read before a runaway cell (an unclosed quote) fills memory.
    /// </summary>
    private void TooLongSoFar(int rawBytes)
    {
        if (rawBytes > 3L * maxCellLength + 8) throw TooLong();
    }

    private DatastoreInputException TooLong() => new("CellTooLong",
        $"第 {Number} 行第 {Count + 1} 列的内容超过 {maxCellLength} 个字符的上限。请检查是否缺少换行或引号没有闭合；大段文字请作为附件上传而不是放进表格。",
        Number, $"第 {Count + 1} 列");

    private DatastoreInputException Unclosed() => new("UnclosedQuote",
        $"第 {Number} 行第 {Count + 1} 列以双引号开头，但直到文件末尾都没有闭合的双引号。请检查该单元格的引号是否成对，或把单元格中的双引号写成两个（\"\"）。",
        Number, $"第 {Count + 1} 列");
}
