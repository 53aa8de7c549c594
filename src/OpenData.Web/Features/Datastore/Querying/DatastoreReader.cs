using System.Runtime.CompilerServices;
using OpenData.Web.Features.Datastore.Export;
using OpenData.Web.Features.Datastore.Storage;

namespace OpenData.Web.Features.Datastore.Querying;

/// <summary>
/// Reads a datastore table through its column map: pages, counts, streams for export. Callers pass the
/// table and columns the catalog stored for the resource version being served.
/// </summary>
public sealed class DatastoreReader(IDatastore store)
{
    private SqlDialect Dialect => store.Dialect;

    public async Task<RowPage> QueryAsync(string table, IReadOnlyList<DatastoreColumn> columns, RowQuery query, CancellationToken ct)
    {
        if (query.Page < 1) throw new DatastoreQueryException("page 必须大于等于 1。");
        if (query.PageSize is < 1 or > RowQuery.MaxPageSize) throw new DatastoreQueryException($"pageSize 必须在 1 到 {RowQuery.MaxPageSize} 之间。");
        await IndexAsync(table, columns, query.Filters.Where(f => !f.Op.Equals("contains", StringComparison.OrdinalIgnoreCase))
            .Select(f => f.Field).Concat(query.Sort.Select(s => s.Field)), ct);
        await using var conn = await store.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        var sql = new SqlBuilder(Dialect, columns, cmd);
        var where = sql.Where(query.Filters);
        var order = sql.OrderBy(query.Sort);
        var limit = sql.Parameter((long)query.PageSize);
        var skip = (long)(query.Page - 1) * query.PageSize;
        // Unfiltered, unsorted pages seek on _id: loads number rows 1..N and tables never change afterwards,
        // so page p starts after _id (p-1)*size, and the last page costs what the first does (no OFFSET scan).
        cmd.CommandText = query.Filters.Count == 0 && query.Sort.Count == 0
            ? $"SELECT {ColumnList(columns)} FROM {Dialect.Qualify(table)} WHERE _id > {sql.Parameter(skip)}{order} LIMIT {limit}"
            : $"SELECT {ColumnList(columns)} FROM {Dialect.Qualify(table)}{where}{order} LIMIT {limit} OFFSET {sql.Parameter(skip)}";
        var rows = new List<DataRow>(query.PageSize);
        var names = columns.Select(c => c.Name).ToArray();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var values = new object?[names.Length];
                for (var i = 0; i < values.Length; i++) values[i] = Dialect.FromDb(r.GetValue(i), columns[i].Type);
                rows.Add(new DataRow(names, values));
            }
        long? total = query.IncludeTotal ? await CountAsync(table, columns, query.Filters, ct) : null;
        return new RowPage(rows, query.Page, query.PageSize, total);
    }

    public async Task<long> CountAsync(string table, IReadOnlyList<DatastoreColumn> columns, IReadOnlyList<FieldFilter> filters, CancellationToken ct)
    {
        await using var conn = await store.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        var where = new SqlBuilder(Dialect, columns, cmd).Where(filters);
        cmd.CommandText = $"SELECT COUNT(*) FROM {Dialect.Qualify(table)}{where}";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }

    /// <summary>Every matching row, typed as the API shows it, read as a stream for exports at constant memory.</summary>
    public async IAsyncEnumerable<object?[]> StreamAsync(string table, IReadOnlyList<DatastoreColumn> columns,
        IReadOnlyList<FieldFilter> filters, IReadOnlyList<FieldSort> sort, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var conn = await store.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        var sql = new SqlBuilder(Dialect, columns, cmd);
        cmd.CommandText = $"SELECT {ColumnList(columns)} FROM {Dialect.Qualify(table)}{sql.Where(filters)}{sql.OrderBy(sort)}";
        await using var r = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        while (await r.ReadAsync(ct))
        {
            var values = new object?[columns.Count];
            for (var i = 0; i < values.Length; i++) values[i] = Dialect.FromDb(r.GetValue(i), columns[i].Type);
            yield return values;
        }
    }

    /// <summary>
    /// A whole table as a download. CSV from SQLite goes straight from SQLite's UTF-8 into the output (ADR 0011);
    /// everything else streams typed rows through <see cref="ExportWriters"/>. Constant memory either way.
    /// </summary>
    public Task ExportAsync(ExportFormat format, string table, IReadOnlyList<DatastoreColumn> columns, Stream output, CancellationToken ct) =>
        format == ExportFormat.Csv && store is SqliteDatastore sqlite
            ? sqlite.WriteCsvAsync(table, columns, output, ct)
            : ExportWriters.WriteAsync(format, output, columns, StreamAsync(table, columns, [], [], ct), ct);

    /// <summary>Big tables get a column's index on its first filter or sort (ADR 0011); unknown fields fail later with a clear message.</summary>
    private async Task IndexAsync(string table, IReadOnlyList<DatastoreColumn> columns, IEnumerable<string> fields, CancellationToken ct)
    {
        foreach (var field in fields.Distinct())
            if (columns.FirstOrDefault(c => c.Name == field) is { } c) await store.EnsureIndexAsync(table, c.Column, ct);
    }

    internal static string ColumnList(IReadOnlyList<DatastoreColumn> columns) =>
        string.Join(", ", columns.Select(c => DatastoreTables.CheckColumn(c.Column)));
}
