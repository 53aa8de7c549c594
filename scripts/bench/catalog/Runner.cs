using System.Diagnostics;
using Npgsql;

namespace CatalogBench;

/// <summary>
/// Catalog search benchmark: seeds N generated datasets, then times GET /api/v1/datasets (search, filters,
/// facets, sort, paging) in-process through the HTTP pipeline. Usage: CatalogBench [sqlite|postgres] [count] [rounds]
/// </summary>
public static class Runner
{
    private static readonly string[] Queries =
    [
        "q=%E7%A9%BA%E6%B0%94", // 空气
        "q=%E7%9B%91%E6%B5%8B%E7%82%B9", // 监测点
        "q=%E5%AD%A6%E5%8C%BA", // 学区
        "q=%E7%BB%8F%E5%BA%A6", // 经度
        "q=%E9%A5%AD%E5%BA%97&sort=views", // 饭店
        "q=%E6%B0%B4%E8%B4%A8&org=sthjj", // 水质
        "q=%E8%8E%B2%E9%83%BD%E5%8C%BA%20%E5%85%AC%E4%BA%A4", // 莲都区 公交
        "", "sort=views", "sort=capacity&page=5", "org=wjw", "domain=10&format=CSV", "open=restricted", "county=331181&sort=downloads",
    ];

    public static async Task Main(string[] args)
    {
        var provider = args.ElementAtOrDefault(0) ?? "sqlite";
        var count = int.Parse(args.ElementAtOrDefault(1) ?? "10000");
        var rounds = int.Parse(args.ElementAtOrDefault(2) ?? "30");
        // ODP_BENCH_DIR reuses a kept SQLite data directory (count 0 then skips seeding).
        var dataDir = Environment.GetEnvironmentVariable("ODP_BENCH_DIR") ?? Path.Combine(Path.GetTempPath(), "odp-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDir);
        string connection;
        if (provider == "postgres")
        {
            var b = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("OPENDATA_TEST_PG")
                ?? throw new InvalidOperationException("set OPENDATA_TEST_PG")) { Database = Environment.GetEnvironmentVariable("ODP_BENCH_PGDB") ?? "odp_bench_" + Guid.NewGuid().ToString("N")[..8] };
            connection = b.ConnectionString;
        }
        else connection = $"Data Source={Path.Combine(dataDir, "opendata.db")}";

        await using var factory = new BenchFactory(provider == "postgres" ? "Postgres" : "Sqlite", connection, dataDir);
        var client = factory.CreateClient();
        var seed = Stopwatch.StartNew();
        if (count > 0) await Generator.SeedAsync(factory.Services, count);
        Console.WriteLine($"{provider}: seeded {count} datasets in {seed.Elapsed.TotalSeconds:F1} s");

        foreach (var q in Queries) (await client.GetAsync("/api/v1/datasets?" + q)).EnsureSuccessStatusCode(); // warm up
        var all = new List<double>();
        var perQuery = Queries.ToDictionary(q => q, _ => new List<double>());
        for (var r = 0; r < rounds; r++)
            foreach (var q in Queries)
            {
                var sw = Stopwatch.StartNew();
                var res = await client.GetAsync("/api/v1/datasets?" + q);
                await res.Content.ReadAsByteArrayAsync();
                sw.Stop();
                res.EnsureSuccessStatusCode();
                all.Add(sw.Elapsed.TotalMilliseconds);
                perQuery[q].Add(sw.Elapsed.TotalMilliseconds);
            }
        Console.WriteLine($"{provider}: {all.Count} requests, p50 {P(all, 50):F1} ms, p95 {P(all, 95):F1} ms, max {all.Max():F1} ms");
        foreach (var (q, t) in perQuery)
            Console.WriteLine($"  {Uri.UnescapeDataString(q),-28} p50 {P(t, 50),6:F1} ms  p95 {P(t, 95),6:F1} ms");
        if (Environment.GetEnvironmentVariable("ODP_BENCH_KEEP") == "1") Console.WriteLine($"kept {dataDir}");
        else try { Directory.Delete(dataDir, true); } catch (IOException) { }
    }

    private static double P(List<double> xs, int p)
    {
        var s = xs.Order().ToList();
        return s[Math.Min(s.Count - 1, (int)Math.Ceiling(p / 100.0 * s.Count) - 1)];
    }
}
