using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OpenData.Web.Features.DataApis.Signing;

namespace GatewayBench;

/// <summary>
/// The load generator as a process of its own (like wrk or a real client): its HttpClient, signing and thread pool
/// do not share the app's thread pool, only the two cores. Runs warm-up, signed calls, then /healthz, and prints
/// one JSON line per measurement for the parent.
/// </summary>
public static class Client
{
    public const string Marker = "LOAD ";
    public const string PhaseMarker = "PHASE ";

    /// <summary>Usage: GatewayBench client PORT APPKEY APICODE SECONDS CONNECTIONS WARMUP; the secret comes in ODP_BENCH_SECRET.</summary>
    public static async Task RunAsync(string[] args)
    {
        var port = int.Parse(args[1], CultureInfo.InvariantCulture);
        var (appKey, apiCode) = (args[2], args[3]);
        var seconds = int.Parse(args[4], CultureInfo.InvariantCulture);
        var connections = int.Parse(args[5], CultureInfo.InvariantCulture);
        var warmup = int.Parse(args[6], CultureInfo.InvariantCulture);
        var secret = Environment.GetEnvironmentVariable("ODP_BENCH_SECRET") ?? throw new InvalidOperationException("ODP_BENCH_SECRET is not set");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false })
            { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var host = $"127.0.0.1:{port}";
        HttpRequestMessage Signed()
        {
            var query = $"page={Random.Shared.Next(1, 4)}&pageSize=10";
            var path = $"/api/v1/data/{apiCode}/records";
            var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            var nonce = Guid.NewGuid().ToString("N");
            var sha = RequestSignature.BodySha256([]);
            var parts = new SignedRequestParts("GET", host, path, Canonical.Query(query), appKey, ts, nonce, sha);
            var req = new HttpRequestMessage(HttpMethod.Get, path + "?" + query);
            req.Headers.AddSignature(secret, parts);
            return req;
        }
        HttpRequestMessage Health() => new(HttpMethod.Get, "/healthz");

        var first = await http.SendAsync(Signed());
        if (!first.IsSuccessStatusCode) throw new InvalidOperationException($"signed call answered {(int)first.StatusCode}: {await first.Content.ReadAsStringAsync()}");
        // Warm-up, both paths at once: tiered JIT, pools, caches. On two cores the JIT is still promoting hot methods
        // for well over 5 s of load; the parent counts what it compiles during each phase below.
        await Task.WhenAll(Load.RunAsync(http, Signed, connections / 2, TimeSpan.FromSeconds(warmup)),
            Load.RunAsync(http, Health, connections - connections / 2, TimeSpan.FromSeconds(warmup)));
        Console.WriteLine(PhaseMarker + "signed");
        var data = await Load.RunAsync(http, Signed, connections, TimeSpan.FromSeconds(seconds));
        Console.WriteLine(PhaseMarker + "healthz");
        var health = await Load.RunAsync(http, Health, connections, TimeSpan.FromSeconds(seconds));
        Console.WriteLine(PhaseMarker + "end");
        Console.WriteLine(Marker + JsonSerializer.Serialize(new[] { data, health }));
    }

    /// <summary>
    /// Starts the client process and waits for its two results (signed, healthz). <paramref name="onPhase"/> hears
    /// each phase as it starts, so the parent (which hosts the app) can read its own JIT counter then.
    /// </summary>
    public static async Task<LoadResult[]> SpawnAsync(int port, BenchGrant grant, int seconds, int connections, int warmup, Action<string> onPhase)
    {
        var self = typeof(Client).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { self, "client", port.ToString(CultureInfo.InvariantCulture), grant.AppKey, grant.ApiCode,
            seconds.ToString(CultureInfo.InvariantCulture), connections.ToString(CultureInfo.InvariantCulture), warmup.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(a);
        start.Environment["ODP_BENCH_SECRET"] = grant.AppSecret;
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the client process");
        LoadResult[]? results = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(Marker, StringComparison.Ordinal)) results = JsonSerializer.Deserialize<LoadResult[]>(line[Marker.Length..]);
            else if (line.StartsWith(PhaseMarker, StringComparison.Ordinal)) onPhase(line[PhaseMarker.Length..]);
        }
        await child.WaitForExitAsync();
        return results ?? throw new InvalidOperationException($"the client process exited with {child.ExitCode} and no result");
    }
}
