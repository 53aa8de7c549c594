using Npgsql;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Storage;

namespace OpenData.IntegrationTests.Features.Datastore;

/// <summary>Several nodes (or jobs) loading at once into a database whose datastore schema does not exist yet.</summary>
public sealed class PostgresSchemaRaceTests
{
    [Fact]
    public async Task Concurrent_first_loads_on_a_fresh_database_all_succeed()
    {
        var database = "odp_race_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(PostgresServer.BaseConnectionString))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(PostgresServer.BaseConnectionString) { Database = database }.ConnectionString;
        static IEnumerable<object?[]> Rows() { for (long i = 0; i < 200; i++) yield return [i]; }

        // One store per "node": each has to find out for itself that the schema is there.
        var loads = Enumerable.Range(0, 8).Select(_ => Task.Run(() => new PostgresDatastore(cs)
            .LoadAsync(DatastoreTables.NewName(), [new DatastoreColumn("n", FieldType.Integer, "c1")], Rows(), null, default)));
        var counts = await Task.WhenAll(loads);

        Assert.All(counts, c => Assert.Equal(200, c));
        Assert.Equal(8, (await new PostgresDatastore(cs).ListTablesAsync(default)).Count);
    }
}
