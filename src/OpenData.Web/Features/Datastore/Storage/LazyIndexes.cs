using System.Collections.Concurrent;
using System.Data.Common;

namespace OpenData.Web.Features.Datastore.Storage;

/// <summary>
/// Indexes of big tables, built on a column's first filter or sort rather than at load (ADR 0011). Tables never
/// change once loaded, so "this column is indexed (or never will be)" is remembered per node for good.
/// </summary>
internal sealed class LazyIndexes
{
    private readonly ConcurrentDictionary<string, bool> _known = new();

    public bool Known(string table, string column) => _known.ContainsKey(table + "." + column);

    /// <param name="existsWhere">Catalog table and condition naming the index, completed with "= @n".</param>
    public async Task CreateAsync(DbConnection conn, SqlDialect dialect, string table, string column, string existsWhere, CancellationToken ct)
    {
        var name = dialect.Qualify(table);
        var col = DatastoreTables.CheckColumn(column);
        var index = $"ix_{DatastoreTables.Check(table)}_{col}";
        if (await ScalarAsync(conn, $"SELECT COUNT(*) FROM {existsWhere} = @n", index, ct) > 0) { _known[table + "." + column] = true; return; }
        // Long text makes a poor (on PostgreSQL, failing) btree key, as at load (ADR 0010).
        if (await ScalarAsync(conn, $"SELECT COUNT(*) FROM (SELECT 1 FROM {name} WHERE length(CAST({col} AS TEXT)) > 200 LIMIT 1) AS x", null, ct) > 0)
        {
            _known[table + "." + column] = false;
            return;
        }
        try
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"CREATE INDEX IF NOT EXISTS \"{index}\" ON {name} ({col})";
            cmd.CommandTimeout = 600;
            await cmd.ExecuteNonQueryAsync(ct);
            _known[table + "." + column] = true;
        }
        catch (DbException) when (!ct.IsCancellationRequested)
        {
            // Another node or request built it at the same moment, or the table was just dropped: the query scans.
        }
    }

    private static async Task<long> ScalarAsync(DbConnection conn, string sql, string? n, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        if (n is not null)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "n";
            p.Value = n;
            cmd.Parameters.Add(p);
        }
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }
}
