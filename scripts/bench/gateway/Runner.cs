using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using OpenData.Web.Features.DataApis.Signing;

namespace GatewayBench;

/// <summary>Starts the app, grants an app, then measures signed paged queries and /healthz in the same run (the load from a second process).</summary>
public static class Runner
{
    public static async Task Main(string[] args)
    {
        // Usage: GatewayBench sqlite|postgres [seconds] [connections] [warm-up seconds]. PostgreSQL: BENCH_PG names the server.
        if (args.ElementAtOrDefault(0) == "client") { await Client.RunAsync(args); return; }
        var provider = args.ElementAtOrDefault(0) ?? "sqlite";
        var seconds = int.Parse(args.ElementAtOrDefault(1) ?? "30", CultureInfo.InvariantCulture);
        var connections = int.Parse(args.ElementAtOrDefault(2) ?? "64", CultureInfo.InvariantCulture);
        var warmup = int.Parse(args.ElementAtOrDefault(3) ?? "30", CultureInfo.InvariantCulture);
        var dir = Directory.CreateTempSubdirectory("odp-gwbench-").FullName;
        var connection = provider == "postgres"
            ? new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("BENCH_PG") ?? throw new InvalidOperationException("BENCH_PG is not set"))
                { Database = "odp_gwbench_" + Guid.NewGuid().ToString("N")[..10] }.ConnectionString
            : $"Data Source={Path.Combine(dir, "opendata.db")}";
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; l.Stop(); }

        try
        {
            using var factory = new BenchFactory(provider, connection, dir);
            factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
            var setup = Stopwatch.StartNew();
            factory.StartServer();
            var grant = await BenchSetup.GrantAsync(factory.Services);
            Console.WriteLine($"{provider}: app started, demo catalog loaded, app + approved grant for {grant.ApiCode} in {setup.Elapsed.TotalSeconds:0} s");

            // The app runs in this process: its JIT counter says whether the measured phases ran steady-state code.
            var jit = new List<(string Phase, long Methods)> { ("warm-up", JitInfo.GetCompiledMethodCount()) };
            var results = await Client.SpawnAsync(port, grant, seconds, connections, warmup, p => jit.Add((p, JitInfo.GetCompiledMethodCount())));
            var (data, health) = (results[0], results[1]);
            Console.WriteLine($"{provider}: methods the JIT compiled during " + string.Join(", ",
                jit.Zip(jit.Skip(1), (a, b) => $"{a.Phase} {b.Methods - a.Methods}")) + $" (warm-up {warmup} s, half signed calls, half /healthz)");
            Console.WriteLine($"RESULT {provider} signed /api/v1/data/{{code}}/records: {data}");
            Console.WriteLine($"RESULT {provider} /healthz:                          {health}");
            var ratio = data.RequestsPerSecond / health.RequestsPerSecond;
            Console.WriteLine($"RESULT {provider} ratio {ratio:P0} of /healthz (target ≥ 40 %), p99 {data.P99:0.0} ms (target < 50 ms): " +
                (ratio >= 0.4 && data.P99 < 50 ? "MET" : "NOT MET"));
        }
        finally
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
            if (provider == "postgres")
            {
                var b = new NpgsqlConnectionStringBuilder(connection);
                var db = b.Database;
                b.Database = "postgres";
                NpgsqlConnection.ClearAllPools();
                await using var c = new NpgsqlConnection(b.ConnectionString);
                await c.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)", c);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }
}
