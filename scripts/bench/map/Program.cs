using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Querying;
using OpenData.Web.Features.Datastore.Storage;
using OpenData.Web.Features.Maps;

// Map layer of N points (default 100,000) inside 丽水市: what the GeoJSON API costs on the server beside the
// baseline of reading the same rows straight from the datastore (every column of every row, as JSON).
// Usage: run DIR [rows] [sqlite|postgres]   (postgres needs BENCH_PG)
var dir = args[1];
var rows = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
IDatastore store = args.ElementAtOrDefault(3) == "postgres"
    ? new PostgresDatastore(Environment.GetEnvironmentVariable("BENCH_PG")!)
    : new SqliteDatastore($"Data Source={Path.Combine(dir, "datastore.db")}");
var csv = Path.Combine(dir, "points.csv");
var r = new Random(42);
var sb = new StringBuilder("名称,类型,地址,经度,纬度\n");
for (var i = 0; i < rows; i++)
    sb.Append(CultureInfo.InvariantCulture, $"站点{i},{(i % 3 == 0 ? "学校" : "医院")},丽水市莲都区某路{i}号,{118.8 + r.NextDouble() * 1.6:F6},{27.5 + r.NextDouble() * 1.3:F6}\n");
File.WriteAllText(csv, sb.ToString());

var runner = new IngestionRunner(store, Options.Create(new DatastoreOptions { MaxUploadBytes = 2L << 30 }), NullLogger<IngestionRunner>.Instance);
await using (var f = File.OpenRead(csv))
{
    var loaded = await runner.RunAsync(f, "points.csv", new IngestionOptions(), null, CancellationToken.None);
    if (!loaded.Succeeded) throw new InvalidOperationException(loaded.Error!.Message);
    var table = new ResourceTable(1, 1, loaded.TableName!, loaded.Columns, loaded.RowCount);
    var watch = Stopwatch.StartNew();

    // Baseline: the same rows straight from the datastore, serialized as the rows API would.
    watch.Restart();
    var reader = new DatastoreReader(store);
    using (var ms = new MemoryStream())
    {
        await using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartArray();
            await foreach (var row in reader.StreamAsync(table.TableName, table.Columns, [], [], CancellationToken.None))
            {
                w.WriteStartArray();
                foreach (var v in row) w.WriteStringValue(Convert.ToString(v, CultureInfo.InvariantCulture));
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        Report("baseline: every row straight from the datastore as JSON", watch, ms.Length);
    }

    var pair = CoordinateColumns.Find(table.Columns.Select(c => c.Name).ToList())!;
    var scan = new PointScan(store);
    var json = new PointLayerJson(store);
    var city = new Box(118.7, 27.3, 120.6, 28.9);
    watch.Restart();
    var set = await scan.ReadAsync(table.TableName, table.Columns, pair, CoordinateSystem.Wgs84, CancellationToken.None);
    var first = await json.WriteAsync(table, set, city, new LayerRequest(null, LayerRequest.DefaultLimit, CoordinateSystem.Wgs84, 9), CancellationToken.None);
    Report("map cold (scan of the two columns + thinned view, zoom 9)", watch, first.Length);
    for (var i = 0; i < 3; i++)
    {
        watch.Restart();
        var whole = await json.WriteAsync(table, set, city, new LayerRequest(city, LayerRequest.DefaultLimit, CoordinateSystem.Gcj02, 9), CancellationToken.None);
        Report("map warm, whole city, zoom 9, GCJ-02", watch, whole.Length);
    }
    for (var i = 0; i < 3; i++)
    {
        watch.Restart();
        var street = await json.WriteAsync(table, set, new Box(119.90, 28.43, 119.95, 28.47), new LayerRequest(null, LayerRequest.DefaultLimit, CoordinateSystem.Wgs84, 15), CancellationToken.None);
        Report("map warm, street view, zoom 15 (rows with all fields)", watch, street.Length);
    }
    await store.DropTableAsync(table.TableName, CancellationToken.None);
}

static void Report(string label, Stopwatch w, long bytes) =>
    Console.WriteLine($"RESULT {label}: {w.Elapsed.TotalMilliseconds:0} ms, {bytes / 1024.0:0} KB");
