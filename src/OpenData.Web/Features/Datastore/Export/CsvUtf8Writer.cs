using System.Buffers;
using System.Globalization;
using System.Text;

namespace OpenData.Web.Features.Datastore.Export;

/// <summary>
/// CSV rows formatted straight into one pooled UTF-8 buffer (numbers through IUtf8SpanFormattable, text
/// encoded once) and written to the output a buffer at a time: the per-cell awaits and strings of a
/// StreamWriter cost ten times sqlite3's own CSV export (docs/performance.md).
/// </summary>
internal sealed class CsvUtf8Writer(Stream output) : IAsyncDisposable
{
    private const int FlushAt = 1 << 16;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(FlushAt * 2);
    private int _length;
    private static readonly byte[] Yes = Encoding.UTF8.GetBytes("是"), No = Encoding.UTF8.GetBytes("否");

    public void Bom() { Ensure(3); _buffer[_length++] = 0xEF; _buffer[_length++] = 0xBB; _buffer[_length++] = 0xBF; }
    public void Comma() { Ensure(1); _buffer[_length++] = (byte)','; }
    public void EndRow() { Ensure(2); _buffer[_length++] = (byte)'\r'; _buffer[_length++] = (byte)'\n'; }

    /// <summary>Same text as <see cref="ExportWriters.Text"/> and the same quoting and formula guard as before.</summary>
    public void Value(object? value, bool guardFormula)
    {
        switch (value)
        {
            case null: break;
            case string s: Text(s, guardFormula); break;
            case bool b: Raw(b ? Yes : No); break;
            case long l: Format(l); break;
            case decimal m: Format(m); break;
            case double d: Format(d); break;
            case int i: Format(i); break;
            default: Text(ExportWriters.Text(value), guardFormula); break;
        }
    }

    public void Text(string s, bool guardFormula)
    {
        var guard = guardFormula && s.Length > 0 && (s[0] is '=' or '+' or '@' or '\t' or '\r'
            || (s[0] == '-' && s.Length > 1 && !char.IsAsciiDigit(s[1]) && s[1] != '.'));
        // The guard's leading ' means a leading space no longer needs quotes.
        var quote = s.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (s.Length > 0 && ((!guard && s[0] == ' ') || s[^1] == ' '));
        if (quote) s = s.Replace("\"", "\"\"");
        Ensure(Encoding.UTF8.GetMaxByteCount(s.Length) + 3);
        if (quote) _buffer[_length++] = (byte)'"';
        if (guard) _buffer[_length++] = (byte)'\'';
        _length += Encoding.UTF8.GetBytes(s, _buffer.AsSpan(_length));
        if (quote) _buffer[_length++] = (byte)'"';
    }

    /// <summary>Text that is already UTF-8 (straight from SQLite): same guard and quoting as <see cref="Text"/>, no transcoding.</summary>
    public void Utf8(ReadOnlySpan<byte> s, bool guardFormula, bool isoDateTime)
    {
        var guard = guardFormula && s.Length > 0 && (s[0] is (byte)'=' or (byte)'+' or (byte)'@' or (byte)'\t' or (byte)'\r'
            || (s[0] == '-' && s.Length > 1 && !char.IsAsciiDigit((char)s[1]) && s[1] != '.'));
        var quote = s.IndexOfAny(",\"\r\n"u8) >= 0 || (s.Length > 0 && ((!guard && s[0] == ' ') || s[^1] == ' '));
        Ensure(s.Length * 2 + 3);
        if (quote) _buffer[_length++] = (byte)'"';
        if (guard) _buffer[_length++] = (byte)'\'';
        var start = _length;
        if (!quote) { s.CopyTo(_buffer.AsSpan(_length)); _length += s.Length; }
        else foreach (var b in s) { if (b == '"') _buffer[_length++] = b; _buffer[_length++] = b; }
        if (isoDateTime) _buffer.AsSpan(start, _length - start).Replace((byte)' ', (byte)'T'); // as the API shows it
        if (quote) _buffer[_length++] = (byte)'"';
    }

    public void Boolean(bool value) => Raw(value ? Yes : No);

    public void Format<T>(T value) where T : IUtf8SpanFormattable
    {
        Ensure(64);
        value.TryFormat(_buffer.AsSpan(_length), out var n, default, CultureInfo.InvariantCulture);
        _length += n;
    }

    private void Raw(byte[] bytes) { Ensure(bytes.Length); bytes.CopyTo(_buffer, _length); _length += bytes.Length; }

    public bool Full => _length >= FlushAt;

    public async ValueTask FlushAsync(CancellationToken ct)
    {
        if (_length == 0) return;
        await output.WriteAsync(_buffer.AsMemory(0, _length), ct);
        _length = 0;
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes <= _buffer.Length) return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + bytes));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    public ValueTask DisposeAsync()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        return ValueTask.CompletedTask;
    }
}
