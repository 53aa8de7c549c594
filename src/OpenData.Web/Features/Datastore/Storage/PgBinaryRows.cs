using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Text;

namespace OpenData.Web.Features.Datastore.Storage;

/// <summary>
/// Encodes typed rows into PostgreSQL's binary COPY format in plain byte buffers (ADR 0011). Npgsql's
/// <c>NpgsqlBinaryImporter</c> spent about as much CPU per value as our whole CSV parse (type-info lookup
/// and state checks on every <c>Write</c>); here a value is a length and a few bytes. Full buffers go to
/// <paramref name="send"/>, which owns them until it hands them back through <see cref="Return"/>. As an
/// <see cref="IRowSink"/> it also takes unboxed values and UTF-8 text straight from the CSV byte path (ADR 0012).
/// </summary>
internal sealed class PgBinaryRows(FieldType[] types, LoadStats stats, Action<byte[], int> send, int bufferSize = 1 << 18) : IRowSink
{
    private int _col;
    private static readonly long EpochTicks = new DateTime(2000, 1, 1).Ticks;
    private static readonly int EpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private readonly Stack<byte[]> _free = new();
    private byte[] _buf = new byte[bufferSize];
    private int _pos;

    /// <summary>Signature, flags and header extension length.</summary>
    public void Header()
    {
        Signature.CopyTo(_buf);
        _pos = 11;
        Int32(0);
        Int32(0);
    }

    /// <summary>Rows begun so far; the current row's <c>_id</c>.</summary>
    public long Rows { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Row(object?[] row)
    {
        BeginRow();
        foreach (var value in row) ((IRowSink)this).Value(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void BeginRow()
    {
        Ensure(2 + 12);
        Int16((short)(types.Length + 1));
        Int32(8);
        Int64(++Rows);
        _col = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Null() { Ensure(4); Int32(-1); _col++; }
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Integer(long value) { Ensure(12); Int32(8); Int64(value); _col++; }
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Decimal(decimal value) { Ensure(4 + 8 + 2 * 8); Numeric(value); _col++; }
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Date(DateOnly value) { Ensure(8); Int32(4); Int32(value.DayNumber - EpochDay); _col++; }
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void DateTime(DateTime value) { Ensure(12); Int32(8); Int64((value.Ticks - EpochTicks) / 10); _col++; }
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Boolean(bool value) { Ensure(5); Int32(1); _buf[_pos++] = value ? (byte)1 : (byte)0; _col++; }

    /// <summary>The file's own UTF-8 bytes, copied once into the COPY buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Text(ReadOnlySpan<byte> utf8)
    {
        // Characters never outnumber bytes: the exact count is needed only when the column's longest may grow.
        if (utf8.Length > stats.MaxTextLength[_col]) stats.MaxTextLength[_col] = Math.Max(stats.MaxTextLength[_col], Encoding.UTF8.GetCharCount(utf8));
        _col++;
        if (utf8.Length + 4 > _buf.Length - _pos) Flush();
        if (utf8.Length + 4 > _buf.Length - _pos) { Big(utf8); return; }
        Int32(utf8.Length);
        utf8.CopyTo(_buf.AsSpan(_pos));
        _pos += utf8.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Text(string s)
    {
        if (s.Length > stats.MaxTextLength[_col]) stats.MaxTextLength[_col] = s.Length;
        _col++;
        var max = Encoding.UTF8.GetMaxByteCount(s.Length);
        if (max + 4 > _buf.Length - _pos) Flush();
        if (max + 4 > _buf.Length - _pos) { Big(Encoding.UTF8.GetBytes(s)); return; }
        var n = Encoding.UTF8.GetBytes(s, _buf.AsSpan(_pos + 4));
        Int32(n);
        _pos += n;
    }

    /// <summary>The trailer, then the last buffer.</summary>
    public void Finish()
    {
        Ensure(2);
        Int16(-1);
        Flush();
    }

    public void Return(byte[] buffer)
    {
        lock (_free) _free.Push(buffer);
    }

    /// <summary>A cell longer than a whole buffer (cells are limited, buffers are not that small): a buffer of its own.</summary>
    private void Big(ReadOnlySpan<byte> bytes)
    {
        var own = new byte[4 + bytes.Length];
        BinaryPrimitives.WriteInt32BigEndian(own, bytes.Length);
        bytes.CopyTo(own.AsSpan(4));
        send(own, own.Length);
    }

    /// <summary>
    /// numeric: digit count, weight (of the first base-10000 digit), sign, display scale, digits. The decimal's
    /// scale is kept as the display scale, so "668.10" stays 668.10 as it did through Npgsql.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Numeric(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        // Align to whole base-10000 groups after the point.
        var pad = (4 - scale % 4) % 4;
        var fracGroups = (scale + pad) / 4;
        Span<short> groups = stackalloc short[10]; // least significant first; 96 bits + 3 digits < 40 decimal digits
        var count = 0;
        var small = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        if (bits[2] == 0 && small < ulong.MaxValue / 1000)
        {
            // Nearly every value: 64-bit division by a constant is a multiply; UInt128's is a loop.
            for (var p = 0; p < pad; p++) small *= 10;
            while (small != 0) { groups[count++] = (short)(small % 10000); small /= 10000; }
        }
        else
        {
            var unscaled = ((UInt128)(uint)bits[2] << 64) | small;
            for (var p = 0; p < pad; p++) unscaled *= 10;
            while (unscaled != 0) { groups[count++] = (short)(ushort)(unscaled % 10000); unscaled /= 10000; }
        }
        var low = 0;
        while (low < count && groups[low] == 0) low++; // trailing zero groups carry no value
        var digits = count - low;
        Int32(8 + 2 * digits);
        Int16((short)digits);
        Int16((short)(digits == 0 ? 0 : count - 1 - fracGroups));
        Int16(digits == 0 || !negative ? (short)0 : (short)0x4000);
        Int16((short)scale);
        for (var g = count - 1; g >= low; g--) Int16(groups[g]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ensure(int bytes)
    {
        if (_buf.Length - _pos < bytes) Flush();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Flush()
    {
        if (_pos == 0) return;
        send(_buf, _pos);
        lock (_free) _buf = _free.Count > 0 ? _free.Pop() : new byte[_buf.Length];
        _pos = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Int16(short v) { BinaryPrimitives.WriteInt16BigEndian(_buf.AsSpan(_pos), v); _pos += 2; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Int32(int v) { BinaryPrimitives.WriteInt32BigEndian(_buf.AsSpan(_pos), v); _pos += 4; }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Int64(long v) { BinaryPrimitives.WriteInt64BigEndian(_buf.AsSpan(_pos), v); _pos += 8; }
}
