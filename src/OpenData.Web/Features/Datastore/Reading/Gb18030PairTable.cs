using System.Text;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// The UTF-8 bytes (low three bytes) and their count (top byte) of every GB18030 two-byte sequence, indexed by
/// (lead - 0x80) &lt;&lt; 8 | trail; 0 where the pair is not a two-byte character or needs more than three bytes,
/// which <see cref="Gb18030Utf8Stream"/> then hands to the decoder. Built from the real decoder, so it cannot
/// disagree with it, the first time a GB18030 file is read (a few milliseconds, 128 KB).
/// </summary>
internal static class Gb18030PairTable
{
    public static readonly uint[] Entries = Build();

    private static uint[] Build()
    {
        var gb18030 = TextEncodingDetector.Gb18030;
        var table = new uint[0x80 << 8];
        Span<byte> pair = stackalloc byte[2];
        Span<char> chars = stackalloc char[Gb18030Utf8Stream.MaxChars];
        Span<byte> utf8 = stackalloc byte[Gb18030Utf8Stream.MaxChars * 3];
        for (var lead = 0x81; lead <= 0xFE; lead++)
            for (var trail = 0x40; trail <= 0xFE; trail++)
            {
                if (trail == 0x7F) continue;
                (pair[0], pair[1]) = ((byte)lead, (byte)trail);
                var m = Encoding.UTF8.GetBytes(chars[..gb18030.GetChars(pair, chars)], utf8);
                if (m is < 1 or > 3) continue;
                var e = (uint)m << 24;
                for (var k = 0; k < m; k++) e |= (uint)utf8[k] << (8 * k);
                table[(lead - 0x80) << 8 | trail] = e;
            }
        return table;
    }
}
