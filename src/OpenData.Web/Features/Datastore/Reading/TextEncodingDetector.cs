using System.Text;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// Picks the encoding of a text file: a BOM wins; otherwise the whole file is checked as strict UTF-8;
/// otherwise GB18030, a superset of GBK and GB2312, which is what Excel "CSV" on Chinese Windows writes.
/// </summary>
public static class TextEncodingDetector
{
    static TextEncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>Registers the code-page encodings (GBK, GB18030) that .NET ships but does not enable by default.</summary>
    public static void EnsureCodePages() => _ = Gb18030;

    public static (Encoding Encoding, int BomLength, string Label) Detect(Stream file)
    {
        var start = file.Position;
        Span<byte> head = stackalloc byte[4];
        var n = file.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        file.Position = start;
        if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) return (new UTF8Encoding(false), 3, "UTF-8（带 BOM）");
        if (n >= 2 && head[0] == 0xFF && head[1] == 0xFE) return (Encoding.Unicode, 2, "UTF-16LE");
        if (n >= 2 && head[0] == 0xFE && head[1] == 0xFF) return (Encoding.BigEndianUnicode, 2, "UTF-16BE");
        var utf8 = IsStrictUtf8(file);
        file.Position = start;
        return utf8 ? (new UTF8Encoding(false), 0, "UTF-8") : (Gb18030, 0, "GB18030/GBK");
    }

    private static bool IsStrictUtf8(Stream file)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length + 4];
        int read;
        try
        {
            // GetChars, not GetCharCount: only GetChars carries a character split across two reads over to the
            // next one (GetCharCount leaves the decoder's state alone, so a split character looked invalid).
            while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>NUL bytes or many control characters near the start: not a text table at all.</summary>
    public static bool LooksBinary(ReadOnlySpan<char> sample)
    {
        if (sample.IsEmpty) return false;
        var control = 0;
        foreach (var c in sample)
            if (c == '\0' || (c < 0x20 && c is not ('\t' or '\r' or '\n' or '\f')) || c == '\uFFFD') control++;
        return control > Math.Max(2, sample.Length / 100);
    }
}
