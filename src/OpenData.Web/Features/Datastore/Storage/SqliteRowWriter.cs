using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OpenData.Web.Features.Datastore.Storage;

/// <summary>
/// The insert loop of a SQLite load on the raw statement API (ADR 0011): positional binds, UTF-8 text encoded
/// into one reused buffer, dates formatted straight to UTF-8. Through SqliteCommand every row paid a lookup
/// of each parameter by name and a data reader; that cost more than SQLite's own work. As an <see cref="IRowSink"/>
/// it binds unboxed values and the CSV file's own UTF-8 bytes (ADR 0012); a row is stepped when the next begins.
/// </summary>
internal sealed class SqliteRowWriter : IDisposable, IRowSink
{
    private readonly LoadStats _stats;
    private int _col;
    private bool _pending;
    public long Rows { get; private set; }

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 12);

    public SqliteRowWriter(SqliteConnection conn, string sql, LoadStats stats)
    {
        _stats = stats;
        _db = conn.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
    }

    public void Insert(object?[] row)
    {
        BeginRow();
        foreach (var value in row) Bind(value);
        Finish();
    }

    public void BeginRow()
    {
        Finish();
        raw.sqlite3_bind_int64(_stmt, 1, ++Rows);
        _col = 0;
        _pending = true;
    }

    /// <summary>Inserts the row bound so far, if any.</summary>
    public void Finish()
    {
        if (!_pending) return;
        _pending = false;
        var rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc != raw.SQLITE_DONE) Check(rc);
    }

    private int Next() => ++_col + 1; // parameter 1 is _id

    public void Null() => raw.sqlite3_bind_null(_stmt, Next());
    public void Integer(long value) => raw.sqlite3_bind_int64(_stmt, Next(), value);
    public void Decimal(decimal value) => raw.sqlite3_bind_double(_stmt, Next(), (double)value);
    public void Boolean(bool value) => raw.sqlite3_bind_int64(_stmt, Next(), value ? 1 : 0);
    // ISO text sorts and compares correctly (ADR 0010), same spelling as SqliteDialect.ToDb.
    public void Date(DateOnly value) => Formatted(Next(), value, "yyyy-MM-dd");
    public void DateTime(DateTime value) => Formatted(Next(), value, "yyyy-MM-dd HH:mm:ss");

    public void Text(ReadOnlySpan<byte> utf8)
    {
        // Characters never outnumber bytes: the exact count is needed only when the column's longest may grow.
        if (utf8.Length > _stats.MaxTextLength[_col]) _stats.MaxTextLength[_col] = Math.Max(_stats.MaxTextLength[_col], Encoding.UTF8.GetCharCount(utf8));
        Check(raw.sqlite3_bind_text(_stmt, Next(), utf8)); // SQLite copies (transient)
    }

    public void Text(string s)
    {
        if (s.Length > _stats.MaxTextLength[_col]) _stats.MaxTextLength[_col] = s.Length;
        var index = Next();
        var max = Encoding.UTF8.GetMaxByteCount(s.Length);
        if (max > _buffer.Length) { ArrayPool<byte>.Shared.Return(_buffer); _buffer = ArrayPool<byte>.Shared.Rent(max); }
        var n = Encoding.UTF8.GetBytes(s, _buffer);
        Check(raw.sqlite3_bind_text(_stmt, index, _buffer.AsSpan(0, n)));
    }

    private void Bind(object? value)
    {
        if (value is double d) raw.sqlite3_bind_double(_stmt, Next(), d);
        else ((IRowSink)this).Value(value);
    }

    private void Formatted<T>(int index, T value, string format) where T : IUtf8SpanFormattable
    {
        Span<byte> utf8 = stackalloc byte[32];
        value.TryFormat(utf8, out var n, format, CultureInfo.InvariantCulture);
        Check(raw.sqlite3_bind_text(_stmt, index, utf8[..n]));
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
    }

    public void Dispose()
    {
        _stmt.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }
}
