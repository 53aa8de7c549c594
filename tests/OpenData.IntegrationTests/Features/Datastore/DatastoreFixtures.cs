using Microsoft.Data.Sqlite;
using Npgsql;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Datastore.Storage;

namespace OpenData.IntegrationTests.Features.Datastore;

/// <summary>A datastore on a real database, fresh per test class.</summary>
public abstract class DatastoreFixture : IDisposable
{
    public abstract IDatastore Store { get; }
    /// <summary>The same database, treating every table over 2 rows as big: indexes on first use (ADR 0011).</summary>
    public abstract IDatastore LazyStore { get; }
    public abstract Task<IReadOnlyList<string>> IndexesAsync(string table);
    public virtual void Dispose() => GC.SuppressFinalize(this);
}

public sealed class SqliteDatastoreFixture : DatastoreFixture
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "odp-ds-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _cs;

    public SqliteDatastoreFixture()
    {
        Directory.CreateDirectory(_dir);
        _cs = $"Data Source={Path.Combine(_dir, "datastore.db")}";
        Store = new SqliteDatastore(_cs);
        LazyStore = new SqliteDatastore(_cs) { EagerIndexRows = 2 };
    }

    public override IDatastore Store { get; }
    public override IDatastore LazyStore { get; }

    public override async Task<IReadOnlyList<string>> IndexesAsync(string table)
    {
        await using var conn = new SqliteConnection(_cs);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = $t";
        cmd.Parameters.AddWithValue("$t", table);
        var names = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) names.Add(r.GetString(0));
        return names;
    }

    public override void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        base.Dispose();
    }
}

public sealed class PostgresDatastoreFixture : DatastoreFixture
{
    private readonly string _database = "odp_ds_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _cs;

    public PostgresDatastoreFixture()
    {
        using (var admin = new NpgsqlConnection(PostgresServer.BaseConnectionString))
        {
            admin.Open();
            using var cmd = admin.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {_database}";
            cmd.ExecuteNonQuery();
        }
        _cs = new NpgsqlConnectionStringBuilder(PostgresServer.BaseConnectionString) { Database = _database }.ConnectionString;
        Store = new PostgresDatastore(_cs);
        LazyStore = new PostgresDatastore(_cs) { EagerIndexRows = 2 };
    }

    public override IDatastore Store { get; }
    public override IDatastore LazyStore { get; }

    public override async Task<IReadOnlyList<string>> IndexesAsync(string table)
    {
        await using var conn = new NpgsqlConnection(_cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT indexname FROM pg_indexes WHERE schemaname = 'datastore' AND tablename = @t", conn);
        cmd.Parameters.AddWithValue("t", table);
        var names = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) names.Add(r.GetString(0));
        return names;
    }

    public override void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using (var admin = new NpgsqlConnection(PostgresServer.BaseConnectionString))
        {
            admin.Open();
            using var cmd = admin.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)";
            cmd.ExecuteNonQuery();
        }
        base.Dispose();
    }
}
