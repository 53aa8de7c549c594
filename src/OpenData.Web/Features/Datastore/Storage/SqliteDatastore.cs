using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OpenData.Web.Features.Datastore.Storage;

/// <summary>
/// Datastore tables in their own SQLite file (DataDir/datastore/datastore.db, ADR 0010) so a long load
/// never holds the catalog's write lock. WAL lets readers keep serving the previous version meanwhile.
/// </summary>
public sealed class SqliteDatastore(string connectionString) : IDatastore
{
    public SqlDialect Dialect { get; } = new SqliteDialect();
    // SQLite has one writer per file: loads queue here instead of timing out on the file lock.
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000;";
        await cmd.ExecuteNonQueryAsync(ct);
        return conn;
    }

    public async Task<long> LoadAsync(string table, IReadOnlyList<DatastoreColumn> columns, IEnumerable<object?[]> rows,
        IProgress<long>? progress, CancellationToken ct)
    {
        var name = Dialect.Qualify(table);
        await _writer.WaitAsync(ct);
        try
        {
            return await LoadLockedAsync(name, table, columns, rows, progress, ct);
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task<long> LoadLockedAsync(string name, string table, IReadOnlyList<DatastoreColumn> columns, IEnumerable<object?[]> rows,
        IProgress<long>? progress, CancellationToken ct)
    {
        await using var conn = (SqliteConnection)await OpenAsync(ct);
        // In WAL mode pages that leave the (default 2 MB) cache are spilled to the WAL and read back through its
        // index; 64 MB keeps the growing table's working set in memory for the load (reset below for the pool).
        await Exec(conn, null, "PRAGMA cache_size = -65536", ct);
        try
        {
            return await LoadInTransactionAsync(conn, name, table, columns, rows, progress, ct);
        }
        finally
        {
            await Exec(conn, null, "PRAGMA cache_size = -2000", CancellationToken.None);
        }
    }

    private async Task<long> LoadInTransactionAsync(SqliteConnection conn, string name, string table, IReadOnlyList<DatastoreColumn> columns,
        IEnumerable<object?[]> rows, IProgress<long>? progress, CancellationToken ct)
    {
        await using var tx = conn.BeginTransaction();
        var cols = string.Join(", ", columns.Select(c => $"{DatastoreTables.CheckColumn(c.Column)} {Dialect.SqlType(c.Type)}"));
        await Exec(conn, tx, $"CREATE TABLE {name} (_id INTEGER PRIMARY KEY, {cols})", ct);

        var stats = new LoadStats(columns.Count);
        long count;
        using (var insert = new SqliteRowWriter(conn,
            $"INSERT INTO {name} (_id, {string.Join(", ", columns.Select(c => c.Column))}) VALUES ({string.Join(", ", Enumerable.Range(1, columns.Count + 1).Select(i => "?" + i))})", stats))
        {
            // Synchronous on purpose: SQLite has no real async I/O; it runs on a thread of its own (LoadThread). CSV rows bind their
            // file bytes directly (ADR 0012); other formats come as object rows.
            await LoadThread.Run(() =>
            {
                if (rows is IDirectRows direct)
                    while (direct.WriteNext(insert)) Tick(insert.Rows, progress, ct);
                else
                    foreach (var row in rows) { insert.Insert(row); Tick(insert.Rows, progress, ct); }
                insert.Finish();
            });
            count = insert.Rows;
        }
        // Big tables are indexed per column on first use instead (ADR 0011): ten indexes cost more than the load.
        if (count <= EagerIndexRows)
            foreach (var i in stats.IndexedColumns(MaxIndexedColumns))
                await Exec(conn, tx, $"CREATE INDEX \"ix_{table}_{columns[i].Column}\" ON {name} ({columns[i].Column})", ct);
        ct.ThrowIfCancellationRequested();
        await tx.CommitAsync(ct);
        progress?.Report(count);
        return count;
    }

    private static void Tick(long count, IProgress<long>? progress, CancellationToken ct)
    {
        if (count % 10_000 == 0) { ct.ThrowIfCancellationRequested(); progress?.Report(count); }
    }

    public int MaxIndexedColumns { get; init; } = 32;
    public long EagerIndexRows { get; init; } = 100_000;
    private readonly LazyIndexes _lazy = new();

    public async Task EnsureIndexAsync(string table, string column, CancellationToken ct)
    {
        if (_lazy.Known(table, column)) return;
        await using var conn = await OpenAsync(ct);
        // A load holds the file's one writer for its whole transaction: scan this time, index next time.
        if (!await _writer.WaitAsync(0, ct)) return;
        try { await _lazy.CreateAsync(conn, Dialect, table, column, "sqlite_master WHERE type = 'index' AND name", ct); }
        finally { _writer.Release(); }
    }

    public async Task WriteCsvAsync(string table, IReadOnlyList<DatastoreColumn> columns, Stream output, CancellationToken ct)
    {
        await using var conn = (SqliteConnection)await OpenAsync(ct);
        await SqliteCsvExport.WriteAsync(conn, Dialect.Qualify(table), columns, output, ct);
    }

    public async Task DropTableAsync(string table, CancellationToken ct)
    {
        await using var conn = await OpenAsync(ct);
        await Exec(conn, null, $"DROP TABLE IF EXISTS {Dialect.Qualify(table)}", ct);
    }

    public async Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken ct)
    {
        await using var conn = await OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ds!_%' ESCAPE '!' ORDER BY name";
        var names = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) names.Add(r.GetString(0));
        return names;
    }

    private static async Task Exec(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
