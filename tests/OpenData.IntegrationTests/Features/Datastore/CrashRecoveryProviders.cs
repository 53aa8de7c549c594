using Microsoft.Data.Sqlite;
using Npgsql;
using OpenData.IntegrationTests.Infrastructure;

namespace OpenData.IntegrationTests.Features.Datastore;

public sealed class CrashRecoveryTestsSqlite : CrashRecoveryTests
{
    protected override (string Key, string Value)[] DatabaseSettings() => [("Database__Provider", "Sqlite")];

    protected override long DatastoreTables()
    {
        using var conn = new SqliteConnection($"Data Source={Path.Combine(DataDir, "datastore", "datastore.db")};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'ds_%'";
        return (long)cmd.ExecuteScalar()!;
    }
}

/// <summary>The app's own database on the test server; dropped (with its leftover connections) afterwards.</summary>
public sealed class CrashRecoveryTestsPostgres : CrashRecoveryTests
{
    private readonly string _database = "odp_crash_" + Guid.NewGuid().ToString("N")[..12];

    protected override int Rows => 2_000_000;

    private string Connection(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer.BaseConnectionString) { Database = database, Pooling = false }.ConnectionString;

    protected override (string Key, string Value)[] DatabaseSettings() =>
        [("Database__Provider", "Postgres"), ("ConnectionStrings__OpenData", Connection(_database))];

    protected override long DatastoreTables()
    {
        using var conn = new NpgsqlConnection(Connection(_database));
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'datastore' AND tablename LIKE 'ds\\_%'";
        return (long)cmd.ExecuteScalar()!;
    }

    public override void Dispose()
    {
        base.Dispose();
        try
        {
            using var conn = new NpgsqlConnection(Connection("postgres"));
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
            cmd.ExecuteNonQuery();
        }
        catch (NpgsqlException) { } // best effort: a leftover test database is harmless
    }
}
