using Microsoft.Extensions.Logging;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Export;
using OpenData.Web.Features.Datastore.Querying;
using OpenData.Web.Features.Datastore.Storage;

// One step per process, so each step's peak memory is its own (run.sh runs them and the baselines in turn).
// Usage: gen DIR ROWS | ingest DIR sqlite|postgres|none utf8|gbk [warm] | export DIR csv|xlsx | query DIR | detect DIR | transcode DIR
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
var (step, dir) = (args[0], args[1]);
var pg = Environment.GetEnvironmentVariable("BENCH_PG");
var sqlite = $"Data Source={Path.Combine(dir, "datastore.db")}";
var watch = Stopwatch.StartNew();
switch (step)
{
    case "gen":
        Generate(dir, int.Parse(args[2]));
        break;
    case "ingest":
    {
        IDatastore store = new Traced(args[2] switch
        {
            "postgres" => new PostgresDatastore(pg!),
            "none" => new Traced(null), // reading and converting only: what the pipeline costs without a database
            _ => new SqliteDatastore(sqlite),
        });
        var runner = new IngestionRunner(store, Options.Create(new DatastoreOptions { MaxUploadBytes = 2L << 30 }), new ConsoleErrors<IngestionRunner>());
        var path = Path.Combine(dir, $"data-{args[3]}.csv");
        if (args.ElementAtOrDefault(4) == "warm")
        {
            // The app ingests in a long-running worker: load the file's first 12,000 rows once (past the sample, so every
            // path is compiled), drop them, then time the whole file. Without "warm" the figure includes process start and JIT.
            var head = File.ReadLines(path, args[3] == "gbk" ? Encoding.GetEncoding("GBK") : Encoding.UTF8).Take(12_001);
            var bytes = (args[3] == "gbk" ? Encoding.GetEncoding("GBK") : new UTF8Encoding(false)).GetBytes(string.Join('\n', head) + "\n");
            var warm = await runner.RunAsync(new MemoryStream(bytes), "warm.csv", new IngestionOptions(), null, CancellationToken.None);
            if (!warm.Succeeded) throw new InvalidOperationException(warm.Error!.Message);
            if (args[2] != "none") await store.DropTableAsync(warm.TableName!, CancellationToken.None);
            watch.Restart();
        }
        await using var file = File.OpenRead(path);
        var result = await runner.RunAsync(file, "data.csv", new IngestionOptions(), null, CancellationToken.None);
        if (!result.Succeeded) throw new InvalidOperationException(result.Error!.Message);
        File.WriteAllText(Path.Combine(dir, $"table-{args[2]}.txt"), result.TableName + "\n" + System.Text.Json.JsonSerializer.Serialize(result.Columns));
        Report($"ingest {args[2]} {args[3]}", $"{result.RowCount} rows");
        if (args[2] == "postgres") await store.DropTableAsync(result.TableName!, CancellationToken.None); // later steps read SQLite
        break;
    }
    case "detect": // how long the encoding check before a load takes (a big file: its first 4 MB, ADR 0012)
    {
        await using var f = File.OpenRead(Path.Combine(dir, "data-utf8.csv"));
        for (var i = 0; i < 3; i++) { watch.Restart(); OpenData.Web.Features.Datastore.Reading.TextEncodingDetector.Detect(f); Report("detect", "utf8"); }
        break;
    }
    case "transcode": // GB18030 → UTF-8 only: .NET's transcoding stream vs Gb18030Utf8Stream, best of 3 each
    {
        var path = Path.Combine(dir, "data-gbk.csv");
        var gb = OpenData.Web.Features.Datastore.Reading.TextEncodingDetector.Gb18030;
        Stream Old(Stream f) => Encoding.CreateTranscodingStream(f, gb, Encoding.UTF8);
        Stream New(Stream f) => new OpenData.Web.Features.Datastore.Reading.Gb18030Utf8Stream(f);
        if (!SameOutput(Old(File.OpenRead(path)), New(File.OpenRead(path)))) throw new InvalidOperationException("outputs differ");
        foreach (var (label, open) in new (string, Func<Stream, Stream>)[] { ("CreateTranscodingStream", Old), ("Gb18030Utf8Stream", New) })
        {
            var best = double.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                using var s = open(File.OpenRead(path));
                var buffer = new byte[1 << 16]; // the CSV tokenizer's read size
                watch.Restart();
                while (s.Read(buffer, 0, buffer.Length) > 0) { }
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
            }
            Console.WriteLine($"RESULT transcode {label}: {best:0.000} s, {new FileInfo(path).Length / 1048576.0 / best:0} MB/s of GBK input");
        }
        break;
    }
    case "export":
    {
        var (store, table, columns) = Table(dir, sqlite);
        var fmt = args[2] == "xlsx" ? ExportFormat.Xlsx : ExportFormat.Csv;
        await using var output = File.Create(Path.Combine(dir, $"export.{args[2]}"));
        await new DatastoreReader(store).ExportAsync(fmt, table, columns, output, CancellationToken.None); // what the download endpoint calls
        Report($"export {args[2]}", $"{output.Length / 1048576.0:0.0} MB");
        break;
    }
    case "query":
    {
        var (store, table, columns) = Table(dir, sqlite);
        var reader = new DatastoreReader(store);
        var total = await reader.CountAsync(table, columns, [], CancellationToken.None);
        var last = (int)((total + 19) / 20);
        foreach (var (label, page) in new[] { ("page 1", 1), ($"last page ({last})", last) })
        {
            var times = new List<double>();
            for (var i = 0; i < 60; i++)
            {
                var t = Stopwatch.StartNew();
                await reader.QueryAsync(table, columns, new RowQuery([], [], page, 20), CancellationToken.None);
                if (i >= 10) times.Add(t.Elapsed.TotalMilliseconds); // first 10 warm up
            }
            times.Sort();
            Console.WriteLine($"RESULT query {label}: p50 {times[times.Count / 2]:0.00} ms, p95 {times[(int)(times.Count * 0.95)]:0.00} ms");
        }
        // Group-bys: the first (uncached) run is the honest figure; a repeat comes from the per-table result cache.
        var analysis = new DatastoreAnalysis(store);
        AggregateQuery[] groupBys =
        [
            new("区县", DateBucket.None, Measure.Sum, "数值", 20, []),
            new("日期", DateBucket.Month, Measure.Count, null, 100, []),
        ];
        foreach (var q in groupBys)
        {
            var g = Stopwatch.StartNew();
            var groups = await analysis.AggregateAsync(table, columns, q, CancellationToken.None);
            var cold = g.Elapsed.TotalMilliseconds;
            g.Restart();
            await analysis.AggregateAsync(table, columns, q, CancellationToken.None);
            Console.WriteLine($"RESULT group-by {q.GroupBy} {q.Bucket} {q.Measure}({q.MeasureField}) over {total} rows: first {cold:0} ms, repeated {g.Elapsed.TotalMilliseconds:0.00} ms ({groups.Count} groups)");
        }
        // A column filter on a big table: the first one builds the column's index (ADR 0011), the rest use it.
        var filter = new RowQuery([new FieldFilter("类别", "eq", "类别3")], [], 2, 20, IncludeTotal: true);
        var f = Stopwatch.StartNew();
        await reader.QueryAsync(table, columns, filter, CancellationToken.None);
        var first = f.Elapsed.TotalMilliseconds;
        var ftimes = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            f.Restart();
            await reader.QueryAsync(table, columns, filter with { Page = 2 + i }, CancellationToken.None);
            ftimes.Add(f.Elapsed.TotalMilliseconds);
        }
        ftimes.Sort();
        Console.WriteLine($"RESULT filter 类别=类别3 with total: first {first:0} ms (builds the index), then p50 {ftimes[10]:0.0} ms");
        break;
    }
}

void Report(string what, string detail) =>
    Console.WriteLine($"RESULT {what}: {watch.Elapsed.TotalSeconds:0.00} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB ({detail})");

static bool SameOutput(Stream a, Stream b)
{
    using (a) using (b)
    {
        var (x, y) = (new byte[1 << 16], new byte[1 << 16]);
        while (true)
        {
            var (n, m) = (a.ReadAtLeast(x, x.Length, false), b.ReadAtLeast(y, y.Length, false));
            if (n != m || !x.AsSpan(0, n).SequenceEqual(y.AsSpan(0, m))) return false;
            if (n == 0) return true;
        }
    }
}

static (IDatastore, string, List<DatastoreColumn>) Table(string dir, string sqlite)
{
    var lines = File.ReadAllLines(Path.Combine(dir, "table-sqlite.txt"));
    return (new SqliteDatastore(sqlite), lines[0], System.Text.Json.JsonSerializer.Deserialize<List<DatastoreColumn>>(lines[1])!);
}

static void Generate(string dir, int rows)
{
    string[] counties = ["莲都区", "龙泉市", "青田县", "缙云县", "遂昌县", "松阳县", "云和县", "庆元县", "景宁畲族自治县"];
    var random = new Random(42);
    var header = "编号,区县,日期,数值,人数,名称,类别,经度,纬度,备注";
    using var utf8 = new StreamWriter(Path.Combine(dir, "data-utf8.csv"), false, new UTF8Encoding(false), 1 << 16);
    using var gbk = new StreamWriter(Path.Combine(dir, "data-gbk.csv"), false, Encoding.GetEncoding("GBK"), 1 << 16);
    utf8.Write(header + "\n");
    gbk.Write(header + "\n");
    var day = new DateOnly(2020, 1, 1);
    for (var i = 1; i <= rows; i++)
    {
        var line = $"{i},{counties[i % 9]},{day.AddDays(i % 1800):yyyy-MM-dd},{random.Next(0, 100000) / 100.0},{random.Next(0, 5000)}," +
                   $"监测点{i % 5000},类别{i % 12},{119 + random.NextDouble():0.000000},{28 + random.NextDouble():0.000000},第{i}条记录\n";
        utf8.Write(line);
        gbk.Write(line);
    }
}


/// <summary>Splits an ingest's time: reading and converting rows (with the write streaming beside it) vs. what follows (indexes, commit).</summary>
sealed class Traced(IDatastore? store) : IDatastore
{
    private IDatastore inner => store!;
    public SqlDialect Dialect => store?.Dialect ?? new SqliteDialect();
    public Task<System.Data.Common.DbConnection> OpenAsync(CancellationToken ct) => inner.OpenAsync(ct);
    public Task DropTableAsync(string table, CancellationToken ct) => inner.DropTableAsync(table, ct);
    public Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken ct) => inner.ListTablesAsync(ct);

    public async Task<long> LoadAsync(string table, IReadOnlyList<DatastoreColumn> columns, IEnumerable<object?[]> rows, IProgress<long>? progress, CancellationToken ct)
    {
        var w = Stopwatch.StartNew();
        double pulled = 0;
        IEnumerable<object?[]> Mark() { foreach (var r in rows) yield return r; pulled = w.Elapsed.TotalSeconds; }
        // CSV rows can write themselves into a sink (PostgreSQL's path, ADR 0012): keep that, and mark its end too.
        IEnumerable<object?[]> marked = rows is IDirectRows direct ? new MarkedDirect(direct, () => pulled = w.Elapsed.TotalSeconds) : Mark();
        long n;
        if (store is not null) n = await inner.LoadAsync(table, columns, marked, progress, ct);
        else if (marked is IDirectRows d) { var sink = new NullSink(); n = 0; while (d.WriteNext(sink)) n++; }
        else n = marked.LongCount();
        Console.WriteLine($"  (rows read, converted and written: {pulled:0.00} s; then indexes/analyze/commit: {w.Elapsed.TotalSeconds - pulled:0.00} s)");
        return n;
    }
}

sealed class MarkedDirect(IDirectRows rows, Action done) : IDirectRows
{
    public bool WriteNext(IRowSink sink) { if (rows.WriteNext(sink)) return true; done(); return false; }
    public IEnumerator<object?[]> GetEnumerator() { foreach (var r in rows) yield return r; done(); }
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Reading and typing without a database: the values go nowhere.</summary>
sealed class NullSink : IRowSink
{
    public void BeginRow() { }
    public void Null() { }
    public void Integer(long value) { }
    public void Decimal(decimal value) { }
    public void Date(DateOnly value) { }
    public void DateTime(DateTime value) { }
    public void Boolean(bool value) { }
    public void Text(ReadOnlySpan<byte> utf8) { }
    public void Text(string value) { }
}

/// <summary>Prints a failed ingest's exception, which the runner otherwise turns into a user-facing message.</summary>
sealed class ConsoleErrors<T> : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel level) => level >= LogLevel.Warning;
    public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
    {
        if (IsEnabled(level)) Console.Error.WriteLine($"{level}: {format(state, e)}\n{e}");
    }
}
