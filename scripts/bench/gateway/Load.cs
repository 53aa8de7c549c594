using System.Diagnostics;

namespace GatewayBench;

public sealed record LoadResult(long Requests, long Failures, double Seconds, double P50, double P99, string FirstFailure)
{
    public double RequestsPerSecond => Requests / Seconds;
    public override string ToString() =>
        $"{RequestsPerSecond,8:0} req/s, p50 {P50,6:0.0} ms, p99 {P99,6:0.0} ms, {Requests} requests, {Failures} not 2xx{(Failures > 0 ? " (first: " + FirstFailure + ")" : "")}";
}

/// <summary>A closed loop: each of N workers sends its next request as soon as the last one answered, until the time is up.</summary>
public static class Load
{
    public static async Task<LoadResult> RunAsync(HttpClient http, Func<HttpRequestMessage> next, int workers, TimeSpan duration)
    {
        var latencies = new List<double>[workers];
        long failures = 0;
        string firstFailure = "";
        var watch = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(100_000);
            while (watch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var res = await http.SendAsync(next(), HttpCompletionOption.ResponseContentRead);
                await res.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!res.IsSuccessStatusCode && Interlocked.Increment(ref failures) == 1)
                    firstFailure = $"{(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}";
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = watch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Pct(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(p * all.Length))];
        return new LoadResult(all.Length, failures, elapsed, Pct(0.50), Pct(0.99), firstFailure);
    }
}
