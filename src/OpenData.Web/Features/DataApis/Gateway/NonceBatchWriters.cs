using Microsoft.Data.Sqlite;
using Npgsql;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Features.DataApis.Gateway;

/// <summary>
/// PostgreSQL: the whole batch in one statement and one round trip, outside EF Core. The primary key (AppId, Nonce)
/// decides; RETURNING names the rows that went in, and a key returned once answers only its first entry.
/// </summary>
public sealed class PostgresNonceWriter(NpgsqlDataSource source) : INonceBatchWriter
{
    private const string Sql = "INSERT INTO \"ApiNonces\" (\"AppId\", \"Nonce\", \"ExpiresAt\") " +
        "SELECT * FROM unnest($1::integer[], $2::text[], $3::timestamptz[]) ON CONFLICT DO NOTHING RETURNING \"AppId\", \"Nonce\"";

    public async Task<bool[]> InsertAsync(IReadOnlyList<NonceEntry> batch, CancellationToken ct)
    {
        await using var cmd = source.CreateCommand(Sql);
        cmd.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = batch.Select(e => e.AppId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = batch.Select(e => e.Nonce).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = batch.Select(e => e.ExpiresAt.ToUniversalTime()).ToArray() });
        var inserted = new HashSet<(int, string)>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) inserted.Add((r.GetInt32(0), r.GetString(1)));
        var fresh = new bool[batch.Count];
        for (var i = 0; i < fresh.Length; i++) fresh[i] = inserted.Remove((batch[i].AppId, batch[i].Nonce));
        return fresh;
    }
}

/// <summary>
/// SQLite: one write transaction per batch on a connection of its own, kept open with the insert prepared. Times
/// are stored as UTC ticks like everywhere in the SQLite catalog (ADR 0003). Only the batch loop uses it.
/// </summary>
public sealed class SqliteNonceWriter(string connectionString, SqliteWriteTurn turn) : INonceBatchWriter, IDisposable
{
    private SqliteConnection? _conn;
    private SqliteCommand? _insert;

    public Task<bool[]> InsertAsync(IReadOnlyList<NonceEntry> batch, CancellationToken ct) => turn.RunAsync(() => Insert(batch), ct);

    private bool[] Insert(IReadOnlyList<NonceEntry> batch)
    {
        try
        {
            var insert = Prepare();
            using var tx = _conn!.BeginTransaction(deferred: false);
            insert.Transaction = tx;
            var fresh = new bool[batch.Count];
            for (var i = 0; i < fresh.Length; i++)
            {
                insert.Parameters[0].Value = batch[i].AppId;
                insert.Parameters[1].Value = batch[i].Nonce;
                insert.Parameters[2].Value = batch[i].ExpiresAt.UtcTicks;
                fresh[i] = insert.ExecuteNonQuery() == 1;
            }
            tx.Commit();
            return fresh;
        }
        catch
        {
            Dispose(); // the next batch starts on a fresh connection
            throw;
        }
    }

    private SqliteCommand Prepare()
    {
        if (_insert is not null) return _insert;
        _conn = new SqliteConnection(connectionString);
        _conn.Open();
        using (var pragmas = _conn.CreateCommand())
        {
            // As SqlitePragmas does for EF's connections; the file is already in WAL mode since startup.
            pragmas.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";
            pragmas.ExecuteNonQuery();
        }
        _insert = _conn.CreateCommand();
        _insert.CommandText = "INSERT INTO \"ApiNonces\" (\"AppId\", \"Nonce\", \"ExpiresAt\") VALUES ($a, $n, $e) ON CONFLICT DO NOTHING";
        _insert.Parameters.Add("$a", SqliteType.Integer);
        _insert.Parameters.Add("$n", SqliteType.Text);
        _insert.Parameters.Add("$e", SqliteType.Integer);
        _insert.Prepare();
        return _insert;
    }

    public void Dispose()
    {
        _insert?.Dispose();
        _conn?.Dispose();
        (_insert, _conn) = (null, null);
    }
}
