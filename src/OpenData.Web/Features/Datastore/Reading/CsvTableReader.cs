using System.Text;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// RFC 4180 CSV (quotes, doubled quotes, newlines inside quoted fields) with the encoding and delimiter
/// detected from the file. The cells are split by <see cref="Utf8CsvTokenizer"/> over UTF-8 bytes (other
/// encodings are transcoded to UTF-8 as they stream): one pass, constant memory, and a runaway cell stops at
/// the length limit before it fills memory. The same tokenizer feeds the byte path of the load (ADR 0012).
/// </summary>
public sealed class CsvTableReader(int maxCellLength) : ITableReader
{
    private readonly List<string> _notes = [];
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>The tokenizer of the rows being read: after the first rows, the load may read on from it directly.</summary>
    internal Utf8CsvTokenizer? Tokenizer { get; private set; }

    /// <summary>Read as GB18030 without detecting: the reload after <see cref="EncodingGuessMiss"/>.</summary>
    public bool ForceGb18030 { get; init; }

    public IEnumerable<RawRow> ReadRows(Stream file, CancellationToken ct)
    {
        _notes.Clear();
        var (encoding, bom, label, guessed) = ForceGb18030 ? TextEncodingDetector.Gb18030Detected : TextEncodingDetector.Detect(file);
        var delimiter = Sniff(file, bom, encoding);
        _notes.Add($"文件编码识别为 {label}，分隔符识别为{DelimiterSniffer.Describe(delimiter)}。");
        file.Position = bom;
        var utf8 = encoding is UTF8Encoding;
        using var input = utf8 ? null : Transcode(file, encoding);
        // Without a BOM the detector has validated a small file whole (a big one: see Utf8Guessed); transcoded input
        // is valid by construction.
        var tokenizer = Tokenizer = new Utf8CsvTokenizer(input ?? file, (byte)delimiter, maxCellLength)
            { KnownValid = !utf8 || (bom == 0 && !guessed), Utf8Guessed = guessed };
        while (tokenizer.Next())
        {
            ct.ThrowIfCancellationRequested();
            yield return new RawRow(tokenizer.Number, tokenizer.Strings());
        }
    }

    /// <summary>GB18030/GBK, what Excel writes on Chinese Windows, has its own fast converter; UTF-16 goes through .NET's.</summary>
    private static Stream Transcode(Stream file, Encoding encoding) =>
        encoding.CodePage == TextEncodingDetector.Gb18030.CodePage
            ? new Gb18030Utf8Stream(file, leaveOpen: true)
            : Encoding.CreateTranscodingStream(file, encoding, Encoding.UTF8, leaveOpen: true);

    /// <summary>The first 64 K characters decide whether this is text at all and which delimiter it uses.</summary>
    private static char Sniff(Stream file, int bom, Encoding encoding)
    {
        file.Position = bom;
        using var reader = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var buffer = new char[1 << 16];
        var length = reader.ReadBlock(buffer, 0, buffer.Length);
        var sample = new string(buffer, 0, length);
        if (TextEncodingDetector.LooksBinary(sample.AsSpan(0, Math.Min(sample.Length, 8192))))
            throw new DatastoreInputException("NotText",
                "文件内容不是文本表格（含有大量不可见的二进制字符），可能不是 CSV 文件或已损坏。请用 Excel 或 WPS 打开后另存为“CSV UTF-8”再上传。");
        return DelimiterSniffer.Sniff(sample);
    }
}
