using System.Text;
using System.Text.Unicode;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// Picks the encoding of a text file: a BOM wins; otherwise the file's first <see cref="HeadBytes"/> are checked
/// as strict UTF-8; otherwise GB18030, a superset of GBK and GB2312, which is what Excel "CSV" on Chinese Windows
/// writes. A longer file that passes is only guessed to be UTF-8: the tokenizer checks the rest row by row as the
/// load reads it, and a miss at the end reloads the file as GB18030 (<see cref="EncodingGuessMiss"/>), so a big
/// upload is not read one extra time before its load starts.
/// </summary>
public static class TextEncodingDetector
{
    static TextEncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>Registers the code-page encodings (GBK, GB18030) that .NET ships but does not enable by default.</summary>
    public static void EnsureCodePages() => _ = Gb18030;

    /// <summary>Enough to decide almost every file; small files are checked whole, as before.</summary>
    public const int HeadBytes = 4 << 20;

    public static (Encoding Encoding, int BomLength, string Label, bool Guessed) Detect(Stream file, int headBytes = HeadBytes)
    {
        var start = file.Position;
        Span<byte> head = stackalloc byte[4];
        var n = file.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        file.Position = start;
        if (n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) return (new UTF8Encoding(false), 3, "UTF-8（带 BOM）", false);
        if (n >= 2 && head[0] == 0xFF && head[1] == 0xFE) return (Encoding.Unicode, 2, "UTF-16LE", false);
        if (n >= 2 && head[0] == 0xFE && head[1] == 0xFF) return (Encoding.BigEndianUnicode, 2, "UTF-16BE", false);
        var guessed = file.Length - start > headBytes;
        var utf8 = IsStrictUtf8(guessed ? new BoundedRead(file, headBytes) : file, allowCutCharacter: guessed);
        file.Position = start;
        return utf8 ? (new UTF8Encoding(false), 0, "UTF-8", guessed) : (Gb18030, 0, "GB18030/GBK", false);
    }

    /// <summary>GB18030 without looking: the reload after a wrong UTF-8 guess.</summary>
    public static (Encoding Encoding, int BomLength, string Label, bool Guessed) Gb18030Detected => (Gb18030, 0, "GB18030/GBK", false);

    /// <summary>
    /// Vectorized validation chunk by chunk (a full decode cost a second on a 100 MB file); the bytes of a
    /// character split across two reads are carried over to the next one.
    /// </summary>
    private static bool IsStrictUtf8(Stream file, bool allowCutCharacter)
    {
        var buffer = new byte[(1 << 16) + 4];
        var carry = 0;
        int read;
        while ((read = file.Read(buffer, carry, buffer.Length - carry)) > 0)
        {
            var length = carry + read;
            var complete = length - Incomplete(buffer.AsSpan(0, length));
            if (!Utf8.IsValid(buffer.AsSpan(0, complete))) return false;
            carry = length - complete;
            buffer.AsSpan(complete, carry).CopyTo(buffer);
        }
        return carry == 0 || allowCutCharacter; // the head may end inside a character that the rest completes
    }

    /// <summary>The first bytes of a stream only.</summary>
    private sealed class BoundedRead(Stream inner, int limit) : ForwardReadStream
    {
        private int _left = limit;
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, Math.Min(count, _left));
            _left -= n;
            return n;
        }
    }

    /// <summary>Bytes at the end that start a character whose remaining bytes have not been read yet.</summary>
    private static int Incomplete(ReadOnlySpan<byte> s)
    {
        for (var back = 1; back <= Math.Min(3, s.Length); back++)
        {
            var b = s[^back];
            if ((b & 0xC0) == 0x80) continue; // continuation byte: keep looking for the lead
            var need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return need > back ? back : 0;
        }
        return 0; // three continuation bytes: complete, or invalid, which IsValid reports
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

/// <summary>A file guessed to be UTF-8 from its beginning turned out not to be: not an error, a reason to reload as GB18030.</summary>
internal sealed class EncodingGuessMiss() : Exception("the file is not UTF-8 past its first bytes");
