using System.Collections.Concurrent;
using System.Text.Json;
using OpenData.Web.Features.Datastore.Storage;

namespace OpenData.Web.Features.Datastore.Querying;

/// <summary>Column profiles for the field dictionary and the group-by aggregation of the analysis tool.</summary>
public sealed class DatastoreAnalysis(IDatastore store)
{
    private SqlDialect Dialect => store.Dialect;
    // A loaded table never changes (a new version is a new table), so a result never goes stale (ADR 0011).
    private readonly ConcurrentDictionary<string, IReadOnlyList<AggregateRow>> _results = new();
    private const int MaxCachedResults = 1000;

    public async Task<IReadOnlyList<ColumnProfile>> ProfileAsync(string table, IReadOnlyList<DatastoreColumn> columns, CancellationToken ct)
    {
        var name = Dialect.Qualify(table);
        await using var conn = await store.OpenAsync(ct);
        var profiles = new List<ColumnProfile>();
        foreach (var col in columns)
        {
            var c = DatastoreTables.CheckColumn(col.Column);
            // PostgreSQL has no MIN/MAX over boolean; a yes/no column's range says nothing anyway.
            var range = col.Type == FieldType.Boolean ? "NULL, NULL" : $"MIN({c}), MAX({c})";
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*), COUNT(*) - COUNT({c}), COUNT(DISTINCT {c}), {range} FROM {name}";
            long rows, empty, distinct;
            object? min, max;
            await using (var r = await cmd.ExecuteReaderAsync(ct))
            {
                await r.ReadAsync(ct);
                (rows, empty, distinct) = (Convert.ToInt64(r.GetValue(0)), Convert.ToInt64(r.GetValue(1)), Convert.ToInt64(r.GetValue(2)));
                (min, max) = (Dialect.FromDb(r.GetValue(3), col.Type), Dialect.FromDb(r.GetValue(4), col.Type));
            }
            await using var ex = conn.CreateCommand();
            ex.CommandText = $"SELECT {c} FROM {name} WHERE {c} IS NOT NULL GROUP BY {c} ORDER BY COUNT(*) DESC, {c} LIMIT 5";
            var examples = new List<object?>();
            await using (var r = await ex.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct)) examples.Add(Dialect.FromDb(r.GetValue(0), col.Type));
            profiles.Add(new ColumnProfile(col.Name, col.Type, rows, empty, distinct, min, max, examples));
        }
        return profiles;
    }

    /// <summary>Group-by of the analysis tool; the first run of a (table, query) scans, repeats come from memory.</summary>
    public async Task<IReadOnlyList<AggregateRow>> AggregateAsync(string table, IReadOnlyList<DatastoreColumn> columns, AggregateQuery query, CancellationToken ct)
    {
        var key = JsonSerializer.Serialize(new { table, columns, query });
        if (_results.TryGetValue(key, out var cached)) return cached;
        var result = await AggregateUncachedAsync(table, columns, query, ct);
        if (_results.Count >= MaxCachedResults) _results.Clear(); // crude bound: re-running a query is cheap enough
        _results[key] = result;
        return result;
    }

    public async Task<IReadOnlyList<AggregateRow>> AggregateUncachedAsync(string table, IReadOnlyList<DatastoreColumn> columns, AggregateQuery query, CancellationToken ct)
    {
        if (query.Top is < 1 or > AggregateQuery.MaxTop) throw new DatastoreQueryException($"top 必须在 1 到 {AggregateQuery.MaxTop} 之间。");
        await using var conn = await store.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        var sql = new SqlBuilder(Dialect, columns, cmd);
        var group = sql.Column(query.GroupBy);
        var isMonth = group.Type == FieldType.Month;
        var isDate = isMonth || group.Type is FieldType.Date or FieldType.DateTime;
        if (query.Bucket != DateBucket.None && !isDate || isMonth && query.Bucket == DateBucket.Day)
            throw new DatastoreQueryException($"只有日期字段可以按年、月、日分组（年月字段可按年、月），“{group.Name}”是{FieldTypeNames.Chinese(group.Type)}字段。");
        // A month is stored as "yyyy-MM" text on both databases: its year is the first four characters.
        var key = !isMonth ? Dialect.Bucket(group.Column, query.Bucket)
            : query.Bucket == DateBucket.Year ? $"substr({group.Column}, 1, 4)" : group.Column;
        var measured = query.MeasureField is null ? null : sql.Column(query.MeasureField);
        var value = Measure(query.Measure, measured);
        var where = sql.Where(query.Filters);
        var top = sql.Parameter((long)query.Top);
        var order = isDate ? "k" : "v DESC, k";
        cmd.CommandText = $"SELECT {key} AS k, {value} AS v FROM {Dialect.Qualify(table)}{where} GROUP BY {key} ORDER BY {order} LIMIT {top}";
        var keyType = query.Bucket == DateBucket.None || isMonth ? group.Type : FieldType.Text;
        var valueType = query.Measure == Querying.Measure.Count ? FieldType.Integer
            : query.Measure == Querying.Measure.Avg ? FieldType.Decimal : measured!.Type;
        var result = new List<AggregateRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var v = Dialect.FromDb(r.GetValue(1), valueType);
            result.Add(new AggregateRow(Dialect.FromDb(r.GetValue(0), keyType), query.Measure == Querying.Measure.Avg ? RoundAverage(v) : v));
        }
        return result;
    }

    /// <summary>
    /// An average to print: two decimals, or four significant digits for small values (总磷 0.04533), never the
    /// 62.3333333333333 the database returns.
    /// </summary>
    internal static object? RoundAverage(object? value)
    {
        if (value is null) return null;
        var d = Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);
        if (d == 0) return 0m;
        var magnitude = (int)Math.Floor(Math.Log10((double)Math.Abs(d)));
        return Math.Round(d, Math.Clamp(3 - magnitude, 2, 10), MidpointRounding.AwayFromZero);
    }

    private static string Measure(Measure measure, DatastoreColumn? col)
    {
        if (measure == Querying.Measure.Count) return col is null ? "COUNT(*)" : $"COUNT({col.Column})";
        if (col is null) throw new DatastoreQueryException("求和、平均、最大和最小需要指定一个度量字段（column）。");
        var numeric = col.Type is FieldType.Integer or FieldType.Decimal;
        if (!numeric && measure is Querying.Measure.Sum or Querying.Measure.Avg)
            throw new DatastoreQueryException($"“{col.Name}”是{FieldTypeNames.Chinese(col.Type)}字段，不能求和或求平均，请选择整数或小数字段。");
        if (col.Type is FieldType.Text or FieldType.Boolean)
            throw new DatastoreQueryException($"“{col.Name}”是{FieldTypeNames.Chinese(col.Type)}字段，不能求最大或最小值。");
        return measure switch
        {
            Querying.Measure.Sum => $"SUM({col.Column})",
            Querying.Measure.Avg => $"AVG({col.Column})",
            Querying.Measure.Min => $"MIN({col.Column})",
            _ => $"MAX({col.Column})",
        };
    }
}
