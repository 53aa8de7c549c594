using System.Text;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// RFC 4180 CSV (quotes, doubled quotes, newlines inside quoted fields) with the encoding and delimiter
/// detected from the file. A small state machine over a buffered reader: one pass, constant memory,
/// and it can stop a runaway cell at the length limit before it fills memory.
/// </summary>
public sealed class CsvTableReader(int maxCellLength) : ITableReader
{
    private readonly List<string> _notes = [];
    public IReadOnlyList<string> Notes => _notes;

    public IEnumerable<RawRow> ReadRows(Stream file, CancellationToken ct)
    {
        _notes.Clear();
        var (encoding, bom, label) = TextEncodingDetector.Detect(file);
        file.Position = bom;
        using var reader = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var sampleBuffer = new char[1 << 16];
        var sampleLength = reader.ReadBlock(sampleBuffer, 0, sampleBuffer.Length);
        var sample = new string(sampleBuffer, 0, sampleLength);
        if (TextEncodingDetector.LooksBinary(sample.AsSpan(0, Math.Min(sample.Length, 8192))))
            throw new DatastoreInputException("NotText",
                "文件内容不是文本表格（含有大量不可见的二进制字符），可能不是 CSV 文件或已损坏。请用 Excel 或 WPS 打开后另存为“CSV UTF-8”再上传。");
        var delimiter = DelimiterSniffer.Sniff(sample);
        _notes.Add($"文件编码识别为 {label}，分隔符识别为{DelimiterSniffer.Describe(delimiter)}。");
        foreach (var row in Parse(new SampleThenReader(sample, reader), delimiter, ct))
            yield return row;
    }

    private IEnumerable<RawRow> Parse(SampleThenReader input, char delimiter, CancellationToken ct)
    {
        var cells = new List<string?>();
        var field = new StringBuilder();
        long line = 1, recordStart = 1;
        bool inQuotes = false, quoted = false, any = false;
        int c;
        while ((c = input.Read()) >= 0)
        {
            var ch = (char)c;
            any = true;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (input.Peek() == '"') { input.Read(); Append(field, '"', recordStart, cells.Count); }
                    else inQuotes = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    Append(field, ch, recordStart, cells.Count);
                }
                continue;
            }
            if (ch == '"' && field.Length == 0 && !quoted) { inQuotes = quoted = true; continue; }
            if (ch == delimiter) { cells.Add(field.ToString()); field.Clear(); quoted = false; continue; }
            if (ch == '\r') { if (input.Peek() == '\n') continue; ch = '\n'; }
            if (ch == '\n')
            {
                cells.Add(field.ToString()); field.Clear(); quoted = false;
                ct.ThrowIfCancellationRequested();
                yield return new RawRow(recordStart, cells.ToArray());
                cells.Clear(); any = false;
                recordStart = ++line;
                continue;
            }
            Append(field, ch, recordStart, cells.Count);
        }
        if (inQuotes)
            throw new DatastoreInputException("UnclosedQuote",
                $"第 {recordStart} 行第 {cells.Count + 1} 列以双引号开头，但直到文件末尾都没有闭合的双引号。请检查该单元格的引号是否成对，或把单元格中的双引号写成两个（\"\"）。",
                recordStart, $"第 {cells.Count + 1} 列");
        if (any) { cells.Add(field.ToString()); yield return new RawRow(recordStart, cells.ToArray()); }
    }

    private void Append(StringBuilder field, char ch, long row, int index)
    {
        if (field.Length >= maxCellLength)
            throw new DatastoreInputException("CellTooLong",
                $"第 {row} 行第 {index + 1} 列的内容超过 {maxCellLength} 个字符的上限。请检查是否缺少换行或引号没有闭合；大段文字请作为附件上传而不是放进表格。",
                row, $"第 {index + 1} 列");
        field.Append(ch);
    }

    /// <summary>Replays the sniffing sample, then continues with the reader: the file is read once.</summary>
    private sealed class SampleThenReader(string sample, TextReader rest)
    {
        private int _pos;
        public int Read() => _pos < sample.Length ? sample[_pos++] : rest.Read();
        public int Peek() => _pos < sample.Length ? sample[_pos] : rest.Peek();
    }
}
