using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OpenData.IntegrationTests.Infrastructure;

/// <summary>
/// The demo catalog seeded once per provider and test run, then copied into each test class's fresh database.
/// Seeding takes 10–15 s (every demo file goes through the real ingestion); with ~150 test classes that was most
/// of the suite's time. A copy is still a fresh, private database per class: the tests' isolation is unchanged,
/// and the first start after the copy runs migrations and every demo seeder as before (they find nothing missing).
/// </summary>
public static class SeedTemplate
{
    private static readonly Lazy<string> SqliteDir = new(() => Build("Sqlite"));
    private static readonly Lazy<string> PostgresDir = new(() => Build("Postgres"));
    private static readonly string PostgresTemplate = "odp_tpl_" + Guid.NewGuid().ToString("N")[..12];
    private static readonly Lock CloneLock = new();

    /// <summary>Fills <paramref name="dataDir"/> (and, on PostgreSQL, creates <paramref name="database"/>) from the template.</summary>
    public static void CloneInto(string provider, string dataDir, string? database)
    {
        var source = provider == "Postgres" ? PostgresDir.Value : SqliteDir.Value;
        CopyDirectory(source, dataDir);
        if (provider != "Postgres") return;
        lock (CloneLock)
        {
            using var conn = new NpgsqlConnection(PostgresServer.BaseConnectionString);
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{database}\" TEMPLATE \"{PostgresTemplate}\"", conn);
            cmd.ExecuteNonQuery();
        }
    }

    private static string Build(string provider)
    {
        var factory = new TemplateFactory(provider, PostgresTemplate);
        factory.CreateClient().Dispose(); // starts the host: migrations and the demo seeders run
        factory.Dispose();
        // Close pooled handles: SQLite checkpoints its WAL, and PostgreSQL copies a template only when nobody is connected.
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        return factory.DataDir;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }

    private sealed class TemplateFactory(string provider, string database) : PortalFactory
    {
        public override string Provider => provider;
        protected override bool UsesSeedTemplate => false;
        protected override bool KeepDataDir => true;

        protected override string ConnectionString => provider == "Postgres"
            ? new NpgsqlConnectionStringBuilder(PostgresServer.BaseConnectionString) { Database = database }.ConnectionString
            : $"Data Source={Path.Combine(DataDir, "opendata.db")}";
    }
}
