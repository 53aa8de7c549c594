using System.Data.Common;

namespace OpenData.Web.Features.Datastore.Storage;

/// <summary>
/// Where datastore tables live (SQLite file or the PostgreSQL catalog database). A load creates,
/// fills and indexes its table in ONE transaction: until it commits no reader can see the table, and
/// a failure, cancellation or crash leaves nothing behind. The caller switches its "current table"
/// pointer only after <see cref="LoadAsync"/> returns, so the previous version is served meanwhile.
/// </summary>
public interface IDatastore
{
    SqlDialect Dialect { get; }
    Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Creates <paramref name="table"/>, loads the typed rows at bulk speed, indexes it; returns the row count.</summary>
    Task<long> LoadAsync(string table, IReadOnlyList<DatastoreColumn> columns, IEnumerable<object?[]> rows,
        IProgress<long>? progress, CancellationToken ct);

    /// <summary>
    /// Makes sure a column a query filters or sorts on is indexed. Small tables were indexed at load; big ones
    /// get an index on first use (ADR 0011). Best effort: when it cannot be built now, the query scans.
    /// </summary>
    Task EnsureIndexAsync(string table, string column, CancellationToken ct) => Task.CompletedTask;

    Task DropTableAsync(string table, CancellationToken ct);
    Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken ct);

    /// <summary>Drops datastore tables that no resource version points to (e.g. the catalog save failed after a load); returns them.</summary>
    async Task<IReadOnlyList<string>> SweepOrphansAsync(IReadOnlySet<string> liveTables, CancellationToken ct)
    {
        var dropped = new List<string>();
        foreach (var t in await ListTablesAsync(ct))
            if (!liveTables.Contains(t)) { await DropTableAsync(t, ct); dropped.Add(t); }
        return dropped;
    }
}

/// <summary>Tracks what the index step needs to know about the loaded values.</summary>
internal sealed class LoadStats(int columns)
{
    /// <summary>Longest text per column in characters, kept by the writers as they bind or encode text.</summary>
    public int[] MaxTextLength { get; } = new int[columns];

    /// <summary>Long text makes a poor and, on PostgreSQL, failing btree key: such columns are not indexed.</summary>
    public IEnumerable<int> IndexedColumns(int max) =>
        Enumerable.Range(0, MaxTextLength.Length).Where(i => MaxTextLength[i] <= 200).Take(max);
}
