using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.ExceptionServices;
using Npgsql;

namespace OpenData.Web.Features.Datastore.Storage;

/// <summary>
/// Datastore tables in the catalog's PostgreSQL database, schema "datastore" (ADR 0010), loaded with
/// binary COPY. Table, COPY, primary key and indexes share one transaction, so nothing is visible
/// until the whole version is there.
/// </summary>
public sealed class PostgresDatastore(string connectionString) : IDatastore
{
    public SqlDialect Dialect { get; } = new PostgresDialect();
    public int MaxIndexedColumns { get; init; } = 32;

    /// <summary>The node's shared pool for reads (ADR 0051); loads keep their own connection with a big write buffer.</summary>
    public NpgsqlDataSource? Reads { get; init; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (Reads is not null) return await Reads.OpenConnectionAsync(ct);
        var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        return conn;
    }

    private volatile bool _schemaReady;

    /// <summary>
    /// Creates the schema once, outside any load's transaction: two loads running CREATE SCHEMA IF NOT EXISTS at the
    /// same time inside their transactions collide on pg_namespace and one of them failed (seen at demo seed).
    /// </summary>
    private async Task EnsureSchemaAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        if (_schemaReady) return;
        try { await Exec(conn, $"CREATE SCHEMA IF NOT EXISTS {PostgresDialect.Schema}", ct); }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateSchema) { }
        _schemaReady = true;
    }

    public async Task<long> LoadAsync(string table, IReadOnlyList<DatastoreColumn> columns, IEnumerable<object?[]> rows,
        IProgress<long>? progress, CancellationToken ct)
    {
        var name = Dialect.Qualify(table);
        // A 1 MB write buffer instead of 8 KB: far fewer socket writes while the COPY streams.
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { WriteBufferSize = 1 << 20 }.ConnectionString);
        await conn.OpenAsync(ct);
        await EnsureSchemaAsync(conn, ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var cols = string.Join(", ", columns.Select(c => $"{DatastoreTables.CheckColumn(c.Column)} {Dialect.SqlType(c.Type)}"));
        await Exec(conn, $"CREATE TABLE {name} (_id bigint NOT NULL, {cols})", ct);

        var copySql = $"COPY {name} (_id, {string.Join(", ", columns.Select(c => c.Column))}) FROM STDIN (FORMAT BINARY, FREEZE)";
        var (count, stats) = await CopyAsync(conn, copySql, columns, rows, progress, ct);
        await Exec(conn, $"ALTER TABLE {name} ADD PRIMARY KEY (_id)", ct);
        // Big tables are indexed per column on first use instead (ADR 0011): ten indexes cost more than the load.
        if (count <= EagerIndexRows)
            foreach (var i in stats.IndexedColumns(MaxIndexedColumns))
                await Exec(conn, $"CREATE INDEX \"ix_{table}_{columns[i].Column}\" ON {name} ({columns[i].Column})", ct);
        // A big table is analyzed on a small sample (3,000 rows instead of 30,000): the full ANALYZE of a million rows
        // cost a third of the server's share of the load, and coarse statistics are enough for the first queries.
        if (count > EagerIndexRows) await Exec(conn, "SET LOCAL default_statistics_target = 10", ct);
        await Exec(conn, $"ANALYZE {name}", ct);
        await tx.CommitAsync(ct);
        progress?.Report(count);
        return count;
    }

    /// <summary>
    /// Binary COPY encoded by <see cref="PgBinaryRows"/> on one thread while a second thread sends the full
    /// buffers: the socket write, which waits whenever the server is behind, overlaps with parsing the next rows.
    /// A failure on either side cancels the COPY (CopyFail), so the server keeps nothing and the transaction rolls back.
    /// </summary>
    private static async Task<(long, LoadStats)> CopyAsync(NpgsqlConnection conn, string copySql, IReadOnlyList<DatastoreColumn> columns,
        IEnumerable<object?[]> rows, IProgress<long>? progress, CancellationToken ct)
    {
        var stats = new LoadStats(columns.Count);
        long count = 0;
        await using var copy = await conn.BeginRawBinaryCopyAsync(copySql, ct);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var queue = new BlockingCollection<(byte[], int)>(boundedCapacity: 4);
        var encoder = new PgBinaryRows(columns.Select(c => c.Type).ToArray(), stats, (b, n) => queue.Add((b, n), failed.Token));
        var sender = LoadThread.Run(() =>
        {
            try
            {
                foreach (var (buffer, length) in queue.GetConsumingEnumerable(failed.Token))
                {
                    copy.Write(buffer, 0, length);
                    encoder.Return(buffer);
                }
            }
            catch { failed.Cancel(); throw; }
        });
        try
        {
            await LoadThread.Run(() =>
            {
                encoder.Header();
                // CSV rows write themselves, text as the file's bytes (ADR 0012); other formats come as object rows.
                if (rows is IDirectRows direct)
                    while (direct.WriteNext(encoder)) Tick(encoder.Rows, progress, ct);
                else
                    foreach (var row in rows) { encoder.Row(row); Tick(encoder.Rows, progress, ct); }
                count = encoder.Rows;
                encoder.Finish();
            });
            queue.CompleteAdding();
            await sender;
        }
        catch (Exception e)
        {
            failed.Cancel();
            Exception? sendError = null;
            try { await sender; }
            catch (OperationCanceledException) { }
            catch (Exception s) { sendError = s; }
            try { await copy.CancelAsync(); }
            catch when (sendError is not null) { } // the connection is already broken
            // The encoder stopped because the sender failed: that failure is the one to report.
            if (sendError is not null && e is OperationCanceledException && !ct.IsCancellationRequested)
                ExceptionDispatchInfo.Throw(sendError);
            throw;
        }
        await copy.DisposeAsync(); // ends the COPY; the server reports a bad row here
        return (count, stats);
    }

    private static void Tick(long count, IProgress<long>? progress, CancellationToken ct)
    {
        if (count % 10_000 == 0) { ct.ThrowIfCancellationRequested(); progress?.Report(count); }
    }

    public long EagerIndexRows { get; init; } = 100_000;
    private readonly LazyIndexes _lazy = new();

    public async Task EnsureIndexAsync(string table, string column, CancellationToken ct)
    {
        if (_lazy.Known(table, column)) return;
        await using var conn = await OpenAsync(ct);
        await _lazy.CreateAsync(conn, Dialect, table, column, $"pg_indexes WHERE schemaname = '{PostgresDialect.Schema}' AND indexname", ct);
    }

    public async Task DropTableAsync(string table, CancellationToken ct)
    {
        await using var conn = await OpenAsync(ct);
        await Exec(conn, $"DROP TABLE IF EXISTS {Dialect.Qualify(table)}", ct);
    }

    public async Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken ct)
    {
        await using var conn = await OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT tablename FROM pg_tables WHERE schemaname = @s AND tablename LIKE 'ds!_%' ESCAPE '!' ORDER BY tablename";
        var p = cmd.CreateParameter(); p.ParameterName = "s"; p.Value = PostgresDialect.Schema; cmd.Parameters.Add(p);
        var names = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) names.Add(r.GetString(0));
        return names;
    }

    private static async Task Exec(DbConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
