using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// GB18030 (so also GBK and GB2312) bytes in, UTF-8 bytes out, read-only and forward-only. Encoding.CreateTranscodingStream
/// decodes to UTF-16 and encodes again, which made a GBK CSV ingest markedly slower than the same file in UTF-8; here
/// ASCII runs are copied in bulk and two-byte characters come from a table of their UTF-8 bytes. Four-byte sequences
/// and invalid bytes are rare, so each one goes to the real decoder on its own: the output is byte for byte what
/// CreateTranscodingStream(stream, GB18030, UTF8) gives, replacement characters and a truncated end included.
/// Reads are synchronous, as the CSV tokenizer's are.
/// </summary>
public sealed class Gb18030Utf8Stream(Stream inner, bool leaveOpen = false) : ForwardReadStream
{
    private static readonly Encoding Gb18030 = TextEncodingDetector.Gb18030;
    // GetMaxCharCount covers the worst a few bytes can turn into, whatever the fallback.
    internal static readonly int MaxChars = Gb18030.GetMaxCharCount(4) * 2;

    private readonly byte[] _in = new byte[1 << 16];
    private int _inPos, _inEnd;
    private bool _eof, _starved;
    // Output for a caller buffer too small for the next character; drained before anything else is read.
    private readonly byte[] _out = new byte[1 << 12];
    private int _outPos, _outEnd;

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty) return 0;
        while (true)
        {
            if (_outPos < _outEnd)
            {
                var n = Math.Min(buffer.Length, _outEnd - _outPos);
                _out.AsSpan(_outPos, n).CopyTo(buffer);
                _outPos += n;
                return n;
            }
            var written = Convert(buffer);
            if (written > 0) return written;
            if (!_starved && _inPos < _inEnd) (_outPos, _outEnd) = (0, Convert(_out)); // the next character does not fit
            if (_outPos < _outEnd) continue;
            if (!_starved) return 0; // nothing left to convert and nothing more to read
            Fill();
        }
    }

    /// <summary>Keeps the bytes of an unfinished sequence and reads more behind them.</summary>
    private void Fill()
    {
        var rest = _inEnd - _inPos;
        _in.AsSpan(_inPos, rest).CopyTo(_in);
        (_inPos, _inEnd) = (0, rest);
        var n = inner.Read(_in, rest, _in.Length - rest);
        if (n == 0) _eof = true;
        _inEnd += n;
    }

    /// <summary>Converts from the input into <paramref name="dst"/> until either runs out; <see cref="_starved"/> says it was the input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Convert(Span<byte> dst)
    {
        var pairs = Gb18030PairTable.Entries;
        var src = _in.AsSpan(0, _inEnd);
        int i = _inPos, o = 0;
        _starved = false;
        while (i < src.Length)
        {
            var b = src[i];
            if (b < 0x80)
            {
                // Short runs (a comma, a number between Chinese cells) are the common case: look at 8 bytes first.
                if (src.Length - i >= 8 && dst.Length - o >= 8)
                {
                    var v = BinaryPrimitives.ReadUInt64LittleEndian(src[i..]);
                    if ((v & 0x8080808080808080UL) is var high and not 0)
                    {
                        BinaryPrimitives.WriteUInt64LittleEndian(dst[o..], v); // what follows overwrites the bytes past the run
                        var k = BitOperations.TrailingZeroCount(high) >> 3;
                        (i, o) = (i + k, o + k);
                        continue;
                    }
                }
                var run = src[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                if (run < 0) run = src.Length - i;
                var n = Math.Min(run, dst.Length - o);
                src.Slice(i, n).CopyTo(dst[o..]);
                (i, o) = (i + n, o + n);
                if (n < run) break;
                continue;
            }
            if (dst.Length - o < 4) break; // a table entry is written as 4 bytes
            if (i + 1 < src.Length && pairs[(b - 0x80) << 8 | src[i + 1]] is var e and not 0)
            {
                // The unused top byte (the length) lands past the output and is overwritten by what follows.
                BinaryPrimitives.WriteUInt32LittleEndian(dst[o..], e);
                (i, o) = (i + 2, o + (int)(e >> 24));
                continue;
            }
            var taken = Decode(src[i..], dst[o..], out var produced);
            if (taken == 0) break;
            (i, o) = (i + taken, o + produced);
        }
        _inPos = i;
        if (i == src.Length && !_eof) _starved = true;
        return o;
    }

    /// <summary>
    /// The real decoder for one sequence the table does not cover, cut where the decoder itself would cut it
    /// (so its result does not depend on the bytes around it). Returns the bytes taken, 0 when more input or more
    /// output room is needed. At the end of the input an unfinished sequence goes through a decoder that is then
    /// flushed, as the transcoding stream does.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Decode(ReadOnlySpan<byte> s, Span<byte> dst, out int produced)
    {
        produced = 0;
        var length = SequenceLength(s);
        if (length == 0 && !_eof) { _starved = true; return 0; }
        Span<char> chars = stackalloc char[MaxChars];
        int n;
        if (length > 0) n = Gb18030.GetChars(s[..length], chars);
        else
        {
            var decoder = Gb18030.GetDecoder();
            n = decoder.GetChars(s, chars, flush: false);
            n += decoder.GetChars([], chars[n..], flush: true);
            length = s.Length;
        }
        Span<byte> utf8 = stackalloc byte[MaxChars * 3];
        var m = Encoding.UTF8.GetBytes(chars[..n], utf8);
        if (m > dst.Length) return 0;
        utf8[..m].CopyTo(dst);
        produced = m;
        return length;
    }

    /// <summary>How many bytes the decoder takes for the sequence starting a non-ASCII byte; 0 if that depends on bytes not read yet.</summary>
    private static int SequenceLength(ReadOnlySpan<byte> s)
    {
        if (s[0] is 0x80 or 0xFF) return 1; // not a lead byte
        if (s.Length < 2) return 0;
        if (s[1] is >= 0x40 and <= 0x7E or >= 0x80 and <= 0xFE) return 2;
        if (s[1] is < 0x30 or > 0x39) return 1; // the lead byte alone is invalid; the next byte starts afresh
        if (s.Length < 4) return 0;
        return s[2] is >= 0x81 and <= 0xFE && s[3] is >= 0x30 and <= 0x39 ? 4 : 1;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) inner.Dispose();
        base.Dispose(disposing);
    }
}
