using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenData.Web.Data;
using OpenData.Web.Features.OpenIndex;

namespace StatsBench;

/// <summary>
/// 开放指数 benchmark: generates N access events, times a single INSERT … SELECT … GROUP BY into the daily tables
/// (the baseline), then the real rollup (chunks, upsert, watermark) over the same events, then renders /open-index
/// and its JSON API from the daily tables. Usage: StatsBench [sqlite|postgres] [events] [rounds]
/// </summary>
public static class Runner
{
    private static readonly string[] Urls = ["/open-index", "/open-index?range=1y", "/api/v1/open-index?range=1y", "/open-index?range=7d"];

    public static async Task Main(string[] args)
    {
        var provider = args.ElementAtOrDefault(0) ?? "sqlite";
        var count = long.Parse(args.ElementAtOrDefault(1) ?? "10000000");
        var rounds = int.Parse(args.ElementAtOrDefault(2) ?? "20");
        var postgres = provider == "postgres";
        var dataDir = Path.Combine(Path.GetTempPath(), "odp-stats-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDir);
        var connection = postgres
            ? new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("OPENDATA_TEST_PG") ?? throw new InvalidOperationException("set OPENDATA_TEST_PG"))
                { Database = "odp_stats_" + Guid.NewGuid().ToString("N")[..8], CommandTimeout = 1800 }.ConnectionString
            : $"Data Source={Path.Combine(dataDir, "opendata.db")}";
        await using var factory = new BenchFactory(postgres ? "Postgres" : "Sqlite", connection, dataDir);
        var client = factory.CreateClient(); // starts the app: migrations and the demo catalog

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.AccessEvents.ExecuteDeleteAsync();
            var sw = Stopwatch.StartNew();
            await Generator.SeedAsync(db, count, postgres);
            Console.WriteLine($"{provider}: generated {count:N0} events in {sw.Elapsed.TotalSeconds:F1} s");
        }

        // Baseline: one statement per daily table over all events, into empty tables (no chunks, no upsert, no watermark).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.AccessDaily.ExecuteDeleteAsync();
            await db.ItemDaily.ExecuteDeleteAsync();
            var sw = Stopwatch.StartNew();
            await db.Database.ExecuteSqlRawAsync(Plain(AccessRollup.SourcesSql), [0L, long.MaxValue]);
            await db.Database.ExecuteSqlRawAsync(Plain(AccessRollup.ItemsSql), [0L, long.MaxValue]);
            Report("baseline INSERT … SELECT … GROUP BY", count, sw.Elapsed);
            await db.AccessDaily.ExecuteDeleteAsync();
            await db.ItemDaily.ExecuteDeleteAsync();
            await db.AccessRollupStates.ExecuteDeleteAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var r = await scope.ServiceProvider.GetRequiredService<AccessRollup>().RunAsync(onDemand: true);
            Report($"rollup ({AccessRollup.ChunkSize:N0}-event chunks, upsert, watermark)", r.Events, r.Took);
            Console.WriteLine($"  daily tables: {await db.AccessDaily.CountAsync():N0} source rows, {await db.ItemDaily.CountAsync():N0} item rows");
        }

        foreach (var u in Urls) (await client.GetAsync(u)).EnsureSuccessStatusCode(); // warm up
        foreach (var u in Urls)
        {
            var times = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                var sw = Stopwatch.StartNew();
                var res = await client.GetAsync(u);
                await res.Content.ReadAsByteArrayAsync();
                times.Add(sw.Elapsed.TotalMilliseconds);
                res.EnsureSuccessStatusCode();
            }
            times.Sort();
            Console.WriteLine($"  GET {u,-30} median {times[times.Count / 2],7:F1} ms   p95 {times[(int)(times.Count * 0.95)],7:F1} ms   max {times[^1],7:F1} ms");
        }
        if (postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("OPENDATA_TEST_PG"));
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connection).Database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        else Directory.Delete(dataDir, true);
    }

    /// <summary>The rollup's statement without its ON CONFLICT clause: the baseline writes into empty tables.</summary>
    private static string Plain(string sql) => sql[..sql.IndexOf(" ON CONFLICT", StringComparison.Ordinal)];

    private static void Report(string what, long events, TimeSpan took) =>
        Console.WriteLine($"  {what}: {events:N0} events in {took.TotalSeconds:F1} s = {events / Math.Max(took.TotalSeconds, 0.001):N0} events/s");
}
