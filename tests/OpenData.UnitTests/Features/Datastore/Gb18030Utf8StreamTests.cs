using System.Text;
using OpenData.Web.Features.Datastore.Reading;

namespace OpenData.UnitTests.Features.Datastore;

/// <summary>
/// The fast GB18030 → UTF-8 stream must give exactly what Encoding.CreateTranscodingStream gives (its former path),
/// invalid bytes and a truncated end included, however the underlying reads and the caller's buffer cut the input.
/// </summary>
public class Gb18030Utf8StreamTests
{
    private static readonly Encoding Gb18030 = TextEncodingDetector.Gb18030;
    private static readonly int[] CallerBuffers = [1, 3, 4096];

    private static byte[] Reference(byte[] input)
    {
        using var transcoded = Encoding.CreateTranscodingStream(new MemoryStream(input), Gb18030, Encoding.UTF8);
        var output = new MemoryStream();
        transcoded.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Fast(Stream source, int callerBuffer)
    {
        using var fast = new Gb18030Utf8Stream(source);
        var output = new MemoryStream();
        var buffer = new byte[callerBuffer];
        int n;
        while ((n = fast.Read(buffer, 0, buffer.Length)) > 0) output.Write(buffer, 0, n);
        return output.ToArray();
    }

    /// <summary>Compares with the reference for reads of 1..7 bytes, whole reads and each caller buffer size; returns the output.</summary>
    private static byte[] AssertSameAsReference(byte[] input, int seed = 1)
    {
        var expected = Reference(input);
        foreach (var (size, jitter) in CallerBuffers.SelectMany(size => new[] { (size, true), (size, false) }))
        {
            var actual = Fast(jitter ? new Jitter(input, seed) : new MemoryStream(input), size);
            if (!expected.AsSpan().SequenceEqual(actual))
            {
                var at = expected.AsSpan().CommonPrefixLength(actual);
                Assert.Fail($"caller buffer {size}, jitter {jitter}: differs at output byte {at} of {expected.Length} (got {actual.Length}); " +
                            $"input {Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 64)))}");
            }
        }
        return expected;
    }

    private static byte[] Bytes(params int[] values) => values.Select(v => (byte)v).ToArray();

    [Fact]
    public void Every_two_byte_pair_matches_the_decoder()
    {
        var input = new List<byte>();
        for (var lead = 0x81; lead <= 0xFE; lead++)
            for (var trail = 0x40; trail <= 0xFE; trail++)
                if (trail != 0x7F) input.AddRange([(byte)lead, (byte)trail]);
        var output = Encoding.UTF8.GetString(AssertSameAsReference([.. input]));
        Assert.Equal(126 * 190, input.Count / 2);
        Assert.Contains("中", output); // D6 D0
        Assert.Contains("\u3000", output); // A1 A1
        Assert.DoesNotContain('\uFFFD', output);
    }

    [Fact]
    public void Four_byte_sequences_match_the_decoder_inside_and_outside_the_bmp()
    {
        byte[][] known =
        [
            Bytes(0x81, 0x30, 0x81, 0x30), Bytes(0x81, 0x30, 0x84, 0x36), Bytes(0x84, 0x31, 0xA4, 0x39), // U+0080, U+00A5, U+FFFF
            Bytes(0x84, 0x31, 0xA5, 0x30), Bytes(0x90, 0x30, 0x81, 0x2F), Bytes(0xFE, 0x39, 0xFE, 0x39), // unmapped, invalid, unmapped
            Bytes(0x90, 0x30, 0x81, 0x30), Bytes(0x95, 0x32, 0x82, 0x36), // U+10000, U+20000 (𠀀, CJK extension B)
            Bytes(0xE3, 0x32, 0x9A, 0x35), Bytes(0xE3, 0x32, 0x9A, 0x36), // U+10FFFF, beyond Unicode
        ];
        var random = new Random(7);
        var input = new List<byte>();
        foreach (var k in known) input.AddRange([.. k, (byte)'x']);
        for (var n = 0; n < 2000; n++)
            input.AddRange([(byte)random.Next(0x81, 0xFF), (byte)random.Next(0x30, 0x3A), (byte)random.Next(0x81, 0xFF), (byte)random.Next(0x30, 0x3A)]);
        var output = Encoding.UTF8.GetString(AssertSameAsReference([.. input]));
        Assert.StartsWith("\u0080x¥x\uFFFFx", output);
        Assert.Contains("\U00010000x\U00020000x\U0010FFFFx", output);
    }

    [Fact]
    public void Invalid_lead_and_trail_bytes_are_replaced_like_the_decoder_does()
    {
        var input = Bytes(0x61, 0x80, 0x62, 0xFF, 0x63, 0xD6, 0x20, 0xD6, 0x7F, 0xD6, 0xFF, 0xD6, 0xD0,
                          0x81, 0x30, 0x20, 0x81, 0x30, 0x81, 0x2C, 0x81, 0x30, 0xFF, 0x30, 0x81, 0x81, 0x81, 0x0A);
        var output = Encoding.UTF8.GetString(AssertSameAsReference(input));
        // .NET's GB18030 replaces with '?'; a broken lead byte costs one '?' and the byte after it starts afresh.
        var pair8181 = Gb18030.GetString(Bytes(0x81, 0x81));
        Assert.Equal("a?b?c? ?\x7F??中?0 ?0?,?0?0" + pair8181 + "?\n", output);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xD6 })]
    [InlineData(new byte[] { 0x61, 0x81, 0x30 })]
    [InlineData(new byte[] { 0x61, 0x81, 0x30, 0x81 })]
    [InlineData(new byte[] { 0x61, 0x81, 0x30, 0x41 })]
    [InlineData(new byte[] { 0xD6 })]
    public void A_truncated_sequence_at_the_end_of_the_file_matches_the_flushed_decoder(byte[] input)
    {
        var output = AssertSameAsReference(input);
        Assert.NotEqual(input, output);
        Assert.NotEmpty(output);
    }

    [Fact]
    public void Random_bytes_from_every_range_match_the_decoder()
    {
        // Bytes at the edges of each range the decoder tells apart, so every branch and every cut gets hit.
        byte[] alphabet = [0x00, 0x0A, 0x2C, 0x2F, 0x30, 0x35, 0x39, 0x3A, 0x40, 0x41, 0x7E, 0x7F, 0x80, 0x81, 0x84, 0x95, 0xA1, 0xD6, 0xE3, 0xFE, 0xFF];
        var random = new Random(3);
        for (var n = 0; n < 300; n++)
        {
            var input = new byte[random.Next(1, 40)];
            for (var k = 0; k < input.Length; k++) input[k] = alphabet[random.Next(alphabet.Length)];
            AssertSameAsReference(input, seed: n);
        }
    }

    [Fact]
    public void A_realistic_chinese_csv_round_trips_at_any_cut()
    {
        var text = "区县,名称,金额,备注\r\n莲都区,景宁畲族自治县　公园,￥1,234.50,①号\r\n\"龙泉市\",\"含,逗号\",￥0,𠀀扩展B\r\n";
        var input = Gb18030.GetBytes(string.Concat(Enumerable.Repeat(text, 5)));
        Assert.Equal(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(text, 5))), AssertSameAsReference(input));
    }

    [Fact]
    public void Characters_split_by_the_internal_buffer_end_stay_whole()
    {
        // 200 KB in full reads: with an odd ASCII prefix, pairs straddle each 64 KB input buffer end.
        var text = "a" + string.Concat(Enumerable.Repeat("丽水市生态环境局,𠀀", 12_000));
        var input = Gb18030.GetBytes(text);
        Assert.Equal(Encoding.UTF8.GetBytes(text), Fast(new MemoryStream(input), 1 << 16));
        Assert.Equal(Encoding.UTF8.GetBytes(text), Fast(new MemoryStream(input), 5000));
    }

    /// <summary>Hands out 1 to 7 bytes per read, a different cut every time, like a slow upload.</summary>
    private sealed class Jitter(byte[] data, int seed) : MemoryStream(data)
    {
        private readonly Random _random = new(seed);
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _random.Next(1, 8)));
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, _random.Next(1, 8))]);
    }
}
