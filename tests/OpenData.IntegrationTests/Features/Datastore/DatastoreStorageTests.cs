using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Reading;
using OpenData.Web.Features.Datastore.Querying;
using OpenData.Web.Features.Datastore.Storage;

namespace OpenData.IntegrationTests.Features.Datastore;

/// <summary>The engine on a real database: load, visibility, failure clean-up, queries. No HTTP surface exists yet.</summary>
public abstract class DatastoreStorageTests(DatastoreFixture fixture)
{
    protected const string Aqi = "日期,站点,AQI,PM2.5,达标\n" +
        "2020-01-05,监测站大楼,78,30.5,是\n2020-01-06,监测站大楼,120,80.1,否\n2020-02-01,莲都小学,45,NaN,是\n" +
        "2020-02-03,莲都小学,60,22.0,是\n2020-03-01,余庄前,150,110.2,否\n";

    protected IDatastore Store => fixture.Store;

    protected async Task<IngestionResult> LoadAsync(string csv, IReadOnlyDictionary<string, FieldType>? overrides = null, CancellationToken ct = default)
    {
        var runner = new IngestionRunner(Store, Options.Create(new DatastoreOptions()), NullLogger<IngestionRunner>.Instance);
        var result = await runner.RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "aqi.csv",
            new IngestionOptions { TypeOverrides = overrides ?? new Dictionary<string, FieldType>() }, null, ct);
        return result;
    }

    [Fact]
    public async Task A_load_creates_a_typed_indexed_table_and_returns_its_row_count()
    {
        var r = await LoadAsync(Aqi);
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal(5, r.RowCount);
        Assert.Equal([FieldType.Date, FieldType.Text, FieldType.Integer, FieldType.Decimal, FieldType.Boolean], r.Columns.Select(c => c.Type));
        Assert.Equal(["c1", "c2", "c3", "c4", "c5"], r.Columns.Select(c => c.Column));
        Assert.Contains(r.TableName!, await Store.ListTablesAsync(default));
        Assert.True((await fixture.IndexesAsync(r.TableName!)).Count(i => i.StartsWith("ix_", StringComparison.Ordinal)) >= 5);
    }

    [Fact]
    public async Task A_big_table_is_indexed_on_a_columns_first_filter_not_at_load()
    {
        var runner = new IngestionRunner(fixture.LazyStore, Options.Create(new DatastoreOptions()), NullLogger<IngestionRunner>.Instance);
        var r = await runner.RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(Aqi)), "aqi.csv", new IngestionOptions(), null, default);
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.DoesNotContain(await fixture.IndexesAsync(r.TableName!), i => i.StartsWith("ix_", StringComparison.Ordinal));

        var reader = new DatastoreReader(fixture.LazyStore);
        var page = await reader.QueryAsync(r.TableName!, r.Columns, new RowQuery([new FieldFilter("AQI", "gte", "60")], [], 1, 20), default);
        Assert.NotEmpty(page.Rows);
        var aqi = r.Columns.Single(c => c.Name == "AQI").Column;
        Assert.Equal([$"ix_{r.TableName}_{aqi}"], (await fixture.IndexesAsync(r.TableName!)).Where(i => i.StartsWith("ix_", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Queries_filter_sort_and_page_with_typed_values()
    {
        var r = await LoadAsync(Aqi);
        var reader = new DatastoreReader(Store);
        var page = await reader.QueryAsync(r.TableName!, r.Columns, new RowQuery(
            [new FieldFilter("AQI", "gte", "60"), new FieldFilter("站点", "ne", "余庄前")],
            [new FieldSort("AQI", true)], Page: 1, PageSize: 2, IncludeTotal: true), default);
        Assert.Equal(3, page.Total);
        Assert.Equal([120L, 78L], page.Rows.Select(x => x["AQI"]));
        Assert.Equal("2020-01-06", page.Rows[0]["日期"]);
        Assert.Equal(false, page.Rows[0]["达标"]);
        Assert.Equal(80.1m, page.Rows[0]["PM2.5"]);

        var second = await reader.QueryAsync(r.TableName!, r.Columns, new RowQuery([], [new FieldSort("日期", false)], 3, 2), default);
        Assert.Single(second.Rows);
        Assert.Equal("余庄前", second.Rows[0]["站点"]);

        Assert.Equal(2, await reader.CountAsync(r.TableName!, r.Columns, [new FieldFilter("站点", "contains", "小学")], default));
        Assert.Equal(3, await reader.CountAsync(r.TableName!, r.Columns, [new FieldFilter("AQI", "in", "45,78,150")], default));
        Assert.Equal(2, await reader.CountAsync(r.TableName!, r.Columns, [new FieldFilter("日期", "lt", "2020年2月1日")], default));
        Assert.Equal(1, await reader.CountAsync(r.TableName!, r.Columns, [new FieldFilter("PM2.5", "eq", "")], default));
        Assert.Equal(3, await reader.CountAsync(r.TableName!, r.Columns, [new FieldFilter("达标", "eq", "是")], default));
    }

    [Fact]
    public async Task Datetimes_load_filter_and_bucket_by_day()
    {
        var r = await LoadAsync("时间,值\n2020-01-05 08:00,1\n2020/1/5 23:30:15,2\n2020-01-06 00:00:00,4\n");
        Assert.Equal(FieldType.DateTime, r.Columns[0].Type);
        var reader = new DatastoreReader(Store);
        var page = await reader.QueryAsync(r.TableName!, r.Columns, new RowQuery([new FieldFilter("时间", "gt", "2020-01-05 12:00")], []), default);
        Assert.Equal(["2020-01-05T23:30:15", "2020-01-06T00:00:00"], page.Rows.Select(x => x["时间"]));
        var byDay = await new DatastoreAnalysis(Store).AggregateAsync(r.TableName!, r.Columns,
            new AggregateQuery("时间", DateBucket.Day, Measure.Sum, "值", 10, []), default);
        Assert.Equal([("2020-01-05", 3L), ("2020-01-06", 4L)], byDay.Select(x => ((string)x.Key!, (long)x.Value!)));
    }

    [Fact]
    public async Task Edge_values_come_back_exactly_as_loaded()
    {
        // PostgreSQL encodes binary COPY by hand (PgBinaryRows): numeric groups, weights, signs and scales must be exact.
        var decimals = new[] { "0", "-0.0001", "12345678.9", "10000", "668.10", "-79228162514264.337593543950", "0.5", "100000000.00001" };
        var csv = "序号,金额,日,时刻,标志,名称\n" + string.Concat(decimals.Select((d, i) =>
            $"{i + 1},{d},{(i % 2 == 0 ? "1999-12-31" : "2000-01-01")},2020-01-05 08:30:{15 + i},{(i % 2 == 0 ? "是" : "否")},丽水“{i}”😀\n"));
        var r = await LoadAsync(csv);
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal([FieldType.Integer, FieldType.Decimal, FieldType.Date, FieldType.DateTime, FieldType.Boolean, FieldType.Text], r.Columns.Select(c => c.Type));
        var page = await new DatastoreReader(Store).QueryAsync(r.TableName!, r.Columns, new RowQuery([], [new FieldSort("序号", false)], 1, 20), default);
        var loaded = page.Rows.Select(x => (decimal)x["金额"]!).ToList();
        if (Store is PostgresDatastore) // numeric keeps every digit and the file's scale; SQLite stores REAL
        {
            Assert.Equal(decimals.Select(d => decimal.Parse(d, CultureInfo.InvariantCulture)), loaded);
            Assert.Equal(decimals.Select(d => d.Split('.').ElementAtOrDefault(1)?.Length ?? 0), loaded.Select(d => (int)d.Scale));
        }
        else
            foreach (var (d, l) in decimals.Zip(loaded))
                Assert.Equal(double.Parse(d, CultureInfo.InvariantCulture), (double)l, Math.Abs((double)l) * 1e-12);
        Assert.Equal(decimals.Select((_, i) => i % 2 == 0 ? "1999-12-31" : "2000-01-01"), page.Rows.Select(x => x["日"]));
        Assert.Equal(decimals.Select((_, i) => $"2020-01-05T08:30:{15 + i}"), page.Rows.Select(x => x["时刻"]));
        Assert.Equal(decimals.Select((_, i) => i % 2 == 0), page.Rows.Select(x => (bool)x["标志"]!));
        Assert.Equal(decimals.Select((_, i) => $"丽水“{i}”😀"), page.Rows.Select(x => x["名称"]));
    }

    [Fact]
    public async Task A_value_widening_a_column_after_the_sample_aborts_the_copy_and_reloads_with_full_types()
    {
        // Row 11,000 is past the 10,000-row sample and past the first COPY buffers already sent: the COPY is cancelled,
        // its transaction rolled back, and the file loaded again as text, leaving exactly one new table.
        var before = await Store.ListTablesAsync(default);
        var csv = new StringBuilder("编号,值\n");
        for (var i = 1; i <= 12_000; i++) csv.Append(i).Append(',').Append(i == 11_000 ? "未检出" : $"{i * 7}").Append('\n');
        var r = await LoadAsync(csv.ToString());
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal([FieldType.Integer, FieldType.Text], r.Columns.Select(c => c.Type));
        Assert.Equal(12_000, r.RowCount);
        Assert.Equal([r.TableName!], (await Store.ListTablesAsync(default)).Except(before));
        var hit = await new DatastoreReader(Store).QueryAsync(r.TableName!, r.Columns, new RowQuery([new FieldFilter("值", "eq", "未检出")], []), default);
        Assert.Equal([11_000L], hit.Rows.Select(x => (long)x["编号"]!));
    }

    [Fact]
    public async Task A_gbk_file_taken_for_utf8_from_its_ascii_start_rolls_back_and_loads_as_gbk()
    {
        // Past TextEncodingDetector.HeadBytes the rows are checked as they load; the GBK rows near the end abort the
        // first load (rolled back) and the file is loaded again as GB18030, leaving exactly one new table.
        TextEncodingDetector.EnsureCodePages();
        var before = await Store.ListTablesAsync(default);
        var csv = new StringBuilder("id,county\n");
        for (var i = 1; i <= 260_000; i++) csv.Append(i).Append(',').Append(i > 250_000 ? "景宁畲族自治县" : "Liandu").Append('\n');
        var bytes = Encoding.GetEncoding("GBK").GetBytes(csv.ToString());
        var runner = new IngestionRunner(Store, Options.Create(new DatastoreOptions()), NullLogger<IngestionRunner>.Instance);
        var r = await runner.RunAsync(new MemoryStream(bytes), "gbk.csv", new IngestionOptions(), null, default);
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Contains(r.Warnings, w => w.Contains("GB18030/GBK"));
        Assert.Equal(260_000, r.RowCount);
        Assert.Equal([r.TableName!], (await Store.ListTablesAsync(default)).Except(before));
        var hit = await new DatastoreReader(Store).QueryAsync(r.TableName!, r.Columns, new RowQuery([new FieldFilter("county", "eq", "景宁畲族自治县")], [], IncludeTotal: true), default);
        Assert.Equal(10_000, hit.Total);
    }

    [Fact]
    public async Task Rows_past_the_sample_come_back_exactly_as_written_whichever_way_they_were_read()
    {
        // On PostgreSQL rows past the 10,000-row sample go from the file's bytes into binary COPY (ADR 0012), except
        // unusual ones (quoted with escapes, to trim, placeholders), which take the string path: both must be exact.
        var csv = new StringBuilder("编号,名称,数值,日期\n");
        for (var i = 1; i <= 12_000; i++)
            csv.Append(i switch
            {
                11_001 => "11001,\"丽水,\"\"莲都\"\"\n😀\",-12.50,2020/1/5",
                11_002 => " 11002 ,\u3000云和\u3000,—,2020年1月6日",
                11_003 => "11003,\"景宁\",0.0001,",
                _ => $"{i},监测点{i % 50}😀,{i % 100}.{i % 7}0,2020-01-{1 + i % 28:00}",
            }).Append('\n');
        var r = await LoadAsync(csv.ToString());
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal([FieldType.Integer, FieldType.Text, FieldType.Decimal, FieldType.Date], r.Columns.Select(c => c.Type));
        Assert.Equal(12_000, r.RowCount);
        var page = await new DatastoreReader(Store).QueryAsync(r.TableName!, r.Columns, new RowQuery([new FieldFilter("编号", "gte", "11000")], [new FieldSort("编号", false)], 1, 5), default);
        Assert.Equal([11_000L, 11_001L, 11_002L, 11_003L, 11_004L], page.Rows.Select(x => (long)x["编号"]!));
        Assert.Equal(["监测点0😀", "丽水,\"莲都\"\n😀", "云和", "景宁", "监测点4😀"], page.Rows.Select(x => (string)x["名称"]!));
        Assert.Equal([0.30m, -12.50m, null, 0.0001m, 4.00m], page.Rows.Select(x => (decimal?)x["数值"]));
        Assert.Equal(["2020-01-25", "2020-01-05", "2020-01-06", null, "2020-01-01"], page.Rows.Select(x => (string?)x["日期"]));
        var sum = await new DatastoreAnalysis(Store).AggregateAsync(r.TableName!, r.Columns, new AggregateQuery("日期", DateBucket.Month, Measure.Count, null, 10, []), default);
        Assert.Equal(12_000L, sum.Sum(g => (long)g.Value!));
        Assert.Equal(1L, sum.Single(g => g.Key is null).Value); // the one empty date
    }

    [Fact]
    public async Task Unknown_fields_operators_and_bad_values_are_clear_errors()
    {
        var r = await LoadAsync(Aqi);
        var reader = new DatastoreReader(Store);
        var unknown = await Assert.ThrowsAsync<DatastoreQueryException>(() => reader.CountAsync(r.TableName!, r.Columns, [new FieldFilter("城市", "eq", "丽水")], default));
        Assert.Contains("可用的字段：日期、站点、AQI、PM2.5、达标", unknown.Message);
        var op = await Assert.ThrowsAsync<DatastoreQueryException>(() => reader.CountAsync(r.TableName!, r.Columns, [new FieldFilter("AQI", "like", "1")], default));
        Assert.Contains("eq、ne、gt", op.Message);
        var bad = await Assert.ThrowsAsync<DatastoreQueryException>(() => reader.CountAsync(r.TableName!, r.Columns, [new FieldFilter("AQI", "gt", "1; DROP TABLE x")], default));
        Assert.Contains("不是字段“AQI”的有效整数", bad.Message);
    }

    [Fact]
    public async Task A_failed_load_leaves_no_table_and_the_previous_version_keeps_serving()
    {
        var previous = await LoadAsync(Aqi);
        var before = await Store.ListTablesAsync(default);
        var bad = Aqi.Replace("\n", "\n").Replace("2020-03-01,余庄前,150", "2020-03-01,余庄前,很高");
        var failed = await LoadAsync(bad, new Dictionary<string, FieldType> { ["AQI"] = FieldType.Integer });
        Assert.False(failed.Succeeded);
        Assert.Equal(6, failed.Error!.Row);
        Assert.Equal(before, await Store.ListTablesAsync(default));
        Assert.Equal(5, await new DatastoreReader(Store).CountAsync(previous.TableName!, previous.Columns, [], default));
    }

    [Fact]
    public async Task A_table_being_loaded_is_invisible_to_other_connections_until_it_commits()
    {
        var table = DatastoreTables.NewName();
        var seenDuringLoad = new List<bool>();
        IEnumerable<object?[]> Rows()
        {
            for (long i = 0; i < 1000; i++)
            {
                if (i == 500) seenDuringLoad.Add(Store.ListTablesAsync(default).GetAwaiter().GetResult().Contains(table));
                yield return [i];
            }
        }
        var count = await Store.LoadAsync(table, [new DatastoreColumn("n", FieldType.Integer, "c1")], Rows(), null, default);
        Assert.Equal([false], seenDuringLoad);
        Assert.Equal(1000, count);
        Assert.Contains(table, await Store.ListTablesAsync(default));
    }

    [Fact]
    public async Task A_cancelled_load_leaves_no_table()
    {
        var before = await Store.ListTablesAsync(default);
        var columns = new List<DatastoreColumn> { new("n", FieldType.Integer, "c1") };
        using var cts = new CancellationTokenSource();
        IEnumerable<object?[]> Rows()
        {
            for (long i = 0; i < 100_000; i++)
            {
                if (i == 50_000) cts.Cancel();
                cts.Token.ThrowIfCancellationRequested();
                yield return [i];
            }
        }
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.LoadAsync(DatastoreTables.NewName(), columns, Rows(), null, cts.Token));
        Assert.Equal(before, await Store.ListTablesAsync(default));
    }

    [Fact]
    public async Task The_sweep_drops_only_tables_no_resource_points_to()
    {
        var live = await LoadAsync(Aqi);
        var orphan = await LoadAsync(Aqi);
        var keep = (await Store.ListTablesAsync(default)).Where(t => t != orphan.TableName).ToHashSet();
        var dropped = await Store.SweepOrphansAsync(keep, default);
        Assert.Equal([orphan.TableName!], dropped);
        Assert.Contains(live.TableName!, await Store.ListTablesAsync(default));
        Assert.DoesNotContain(orphan.TableName!, await Store.ListTablesAsync(default));
    }

    [Fact]
    public async Task Profile_and_aggregation_summarise_the_columns()
    {
        var r = await LoadAsync(Aqi);
        var analysis = new DatastoreAnalysis(Store);
        var profile = await analysis.ProfileAsync(r.TableName!, r.Columns, default);
        var pm = profile.Single(p => p.Name == "PM2.5");
        Assert.Equal((5L, 1L, 4L), (pm.Rows, pm.EmptyCount, pm.DistinctCount));
        Assert.Equal(22.0m, pm.Min);
        Assert.Equal("2020-03-01", profile.Single(p => p.Name == "日期").Max);
        Assert.Equal("监测站大楼", profile.Single(p => p.Name == "站点").Examples[0]);

        var byMonth = await analysis.AggregateAsync(r.TableName!, r.Columns, new AggregateQuery("日期", DateBucket.Month, Measure.Sum, "AQI", 10, []), default);
        Assert.Equal([("2020-01", 198L), ("2020-02", 105L), ("2020-03", 150L)], byMonth.Select(x => ((string)x.Key!, (long)x.Value!)));
        var top = await analysis.AggregateAsync(r.TableName!, r.Columns, new AggregateQuery("站点", DateBucket.None, Measure.Max, "AQI", 1, [new FieldFilter("达标", "eq", "否")]), default);
        Assert.Equal(("余庄前", 150L), ((string)top[0].Key!, (long)top[0].Value!));
        await Assert.ThrowsAsync<DatastoreQueryException>(() => analysis.AggregateAsync(r.TableName!, r.Columns, new AggregateQuery("站点", DateBucket.Year, Measure.Count, null, 10, []), default));
    }
}

public sealed class DatastoreStorageTestsSqlite(SqliteDatastoreFixture f) : DatastoreStorageTests(f), IClassFixture<SqliteDatastoreFixture>;

public sealed class DatastoreStorageTestsPostgres(PostgresDatastoreFixture f) : DatastoreStorageTests(f), IClassFixture<PostgresDatastoreFixture>;
