using System.Buffers;
using System.Text;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Reading;

namespace OpenData.UnitTests.Features.Datastore;

/// <summary>
/// The former char-based CSV state machine, kept verbatim as the reference the byte tokenizer must match
/// row for row, line number for line number and error for error (ADR 0012).
/// </summary>
internal sealed class ReferenceCsvParser(int maxCellLength)
{
    public IEnumerable<RawRow> Rows(string text, char delimiter, CancellationToken ct) => Parse(new StringReader(text), delimiter, ct);

    private IEnumerable<RawRow> Parse(TextReader input, char delimiter, CancellationToken ct)
    {
        var stops = SearchValues.Create([delimiter, '\n', '\r', '"']);
        var buf = new char[1 << 16];
        int pos = 0, len = 0;
        bool Fill() { pos = 0; len = input.Read(buf, 0, buf.Length); return len > 0; }
        var cells = new List<string?>();
        var field = new StringBuilder();
        long line = 1, recordStart = 1;
        bool inQuotes = false, quoted = false, any = false;
        while (pos < len || Fill())
        {
            any = true;
            var span = buf.AsSpan(pos, len - pos);
            if (inQuotes)
            {
                var q = span.IndexOf('"');
                var chunk = q < 0 ? span : span[..q];
                line += chunk.Count('\n');
                Append(field, chunk, recordStart, cells.Count);
                if (q < 0) { pos = len; continue; }
                pos += q + 1;
                if (pos >= len && !Fill()) { inQuotes = false; break; }
                if (buf[pos] == '"') { field.Append('"'); pos++; }
                else inQuotes = false;
                continue;
            }
            var i = span.IndexOfAny(stops);
            if (i < 0) { Append(field, span, recordStart, cells.Count); pos = len; continue; }
            var ch = span[i];
            if (ch != '"' && field.Length == 0 && !quoted)
            {
                // The common case, a whole unquoted cell inside the buffer: one copy, no builder.
                if (i > maxCellLength) Append(field, span[..i], recordStart, cells.Count); // throws
                cells.Add(i == 0 ? "" : new string(span[..i]));
                pos += i + 1;
            }
            else
            {
                Append(field, span[..i], recordStart, cells.Count);
                pos += i + 1;
                if (ch == '"')
                {
                    if (field.Length == 0 && !quoted) inQuotes = quoted = true;
                    else Append(field, "\"", recordStart, cells.Count); // a stray quote inside an unquoted field is kept
                    continue;
                }
                cells.Add(field.ToString()); field.Clear(); quoted = false;
            }
            if (ch == delimiter) continue;
            if (ch == '\r' && (pos < len || Fill()) && buf[pos] == '\n') pos++;
            ct.ThrowIfCancellationRequested();
            yield return new RawRow(recordStart, cells.ToArray());
            cells.Clear(); any = false;
            recordStart = ++line;
        }
        if (inQuotes)
            throw new DatastoreInputException("UnclosedQuote",
                $"第 {recordStart} 行第 {cells.Count + 1} 列以双引号开头，但直到文件末尾都没有闭合的双引号。请检查该单元格的引号是否成对，或把单元格中的双引号写成两个（\"\"）。",
                recordStart, $"第 {cells.Count + 1} 列");
        if (any && (cells.Count > 0 || field.Length > 0 || quoted)) { cells.Add(field.ToString()); yield return new RawRow(recordStart, cells.ToArray()); }
    }

    private void Append(StringBuilder field, ReadOnlySpan<char> chunk, long row, int index)
    {
        if (field.Length + chunk.Length > maxCellLength)
            throw new DatastoreInputException("CellTooLong",
                $"第 {row} 行第 {index + 1} 列的内容超过 {maxCellLength} 个字符的上限。请检查是否缺少换行或引号没有闭合；大段文字请作为附件上传而不是放进表格。",
                row, $"第 {index + 1} 列");
        field.Append(chunk);
    }
}
