using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OpenData.Web.Features.Datastore.Storage;

/// <summary>
/// The insert loop of a SQLite load on the raw statement API (ADR 0011): positional binds, UTF-8 text encoded
/// into one reused buffer, dates formatted straight to UTF-8. Through SqliteCommand every row paid a lookup
/// of each parameter by name and a data reader; that cost more than SQLite's own work.
/// </summary>
internal sealed class SqliteRowWriter : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 12);

    public SqliteRowWriter(SqliteConnection conn, string sql)
    {
        _db = conn.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
    }

    public void Insert(long id, object?[] row)
    {
        raw.sqlite3_bind_int64(_stmt, 1, id);
        for (var i = 0; i < row.Length; i++) Bind(i + 2, row[i]);
        var rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc != raw.SQLITE_DONE) Check(rc);
    }

    private void Bind(int index, object? value)
    {
        switch (value)
        {
            case null: raw.sqlite3_bind_null(_stmt, index); break;
            case string s: Text(index, s); break;
            case long l: raw.sqlite3_bind_int64(_stmt, index, l); break;
            case decimal m: raw.sqlite3_bind_double(_stmt, index, (double)m); break;
            case double d: raw.sqlite3_bind_double(_stmt, index, d); break;
            case bool b: raw.sqlite3_bind_int64(_stmt, index, b ? 1 : 0); break;
            // ISO text sorts and compares correctly (ADR 0010), same spelling as SqliteDialect.ToDb.
            case DateOnly day: Formatted(index, day, "yyyy-MM-dd"); break;
            case DateTime time: Formatted(index, time, "yyyy-MM-dd HH:mm:ss"); break;
            default: Text(index, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""); break;
        }
    }

    private void Text(int index, string s)
    {
        var max = Encoding.UTF8.GetMaxByteCount(s.Length);
        if (max > _buffer.Length) { ArrayPool<byte>.Shared.Return(_buffer); _buffer = ArrayPool<byte>.Shared.Rent(max); }
        var n = Encoding.UTF8.GetBytes(s, _buffer);
        Check(raw.sqlite3_bind_text(_stmt, index, _buffer.AsSpan(0, n))); // SQLite copies (transient)
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
