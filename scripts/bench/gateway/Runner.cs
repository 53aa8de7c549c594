using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using OpenData.Web.Features.DataApis.Signing;

namespace GatewayBench;

/// <summary>Starts the app, grants an app, then measures signed paged queries and /healthz in the same run.</summary>
public static class Runner
{
    public static async Task Main(string[] args)
    {
        // Usage: GatewayBench sqlite|postgres [seconds] [connections]. PostgreSQL: BENCH_PG names the server.
        var provider = args.ElementAtOrDefault(0) ?? "sqlite";
        var seconds = int.Parse(args.ElementAtOrDefault(1) ?? "30", CultureInfo.InvariantCulture);
        var connections = int.Parse(args.ElementAtOrDefault(2) ?? "64", CultureInfo.InvariantCulture);
        var dir = Directory.CreateTempSubdirectory("odp-gwbench-").FullName;
        var connection = provider == "postgres"
            ? new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("BENCH_PG") ?? throw new InvalidOperationException("BENCH_PG is not set"))
                { Database = "odp_gwbench_" + Guid.NewGuid().ToString("N")[..10], MaxPoolSize = 100 }.ConnectionString
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

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false })
                { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var host = $"127.0.0.1:{port}";
            HttpRequestMessage Signed()
            {
                var page = Random.Shared.Next(1, 4);
                var query = $"page={page}&pageSize=10";
                var path = $"/api/v1/data/{grant.ApiCode}/records";
                var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                var nonce = Guid.NewGuid().ToString("N");
                var sha = RequestSignature.BodySha256([]);
                var parts = new SignedRequestParts("GET", host, path, Canonical.Query(query), grant.AppKey, ts, nonce, sha);
                var req = new HttpRequestMessage(HttpMethod.Get, path + "?" + query);
                req.Headers.Add("X-ODP-AppKey", grant.AppKey);
                req.Headers.Add("X-ODP-Timestamp", ts);
                req.Headers.Add("X-ODP-Nonce", nonce);
                req.Headers.Add("X-ODP-Content-SHA256", sha);
                req.Headers.Add("X-ODP-Signature-Method", "HMAC-SHA256");
                req.Headers.Add("X-ODP-Signature", RequestSignature.Sign(grant.AppSecret, parts));
                return req;
            }
            HttpRequestMessage Health() => new(HttpMethod.Get, "/healthz");

            var first = await http.SendAsync(Signed());
            if (!first.IsSuccessStatusCode) throw new InvalidOperationException($"signed call answered {(int)first.StatusCode}: {await first.Content.ReadAsStringAsync()}");
            await Load.RunAsync(http, Signed, connections, TimeSpan.FromSeconds(5)); // warm-up: JIT, pools, caches
            var data = await Load.RunAsync(http, Signed, connections, TimeSpan.FromSeconds(seconds));
            var health = await Load.RunAsync(http, Health, connections, TimeSpan.FromSeconds(seconds));
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
