using System.Data.Common;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Storage;

namespace OpenData.UnitTests.Features.Datastore;

/// <summary>Keeps the typed rows a load would write, so reader, shaping and typing are tested without a database.</summary>
public sealed class CapturingDatastore : IDatastore
{
    public List<object?[]> Rows { get; } = [];
    public List<string> Dropped { get; } = [];
    /// <summary>Every load started, including ones abandoned (rolled back) before commit.</summary>
    public int Loads { get; private set; }
    public SqlDialect Dialect { get; } = new SqliteDialect();
    public Task<DbConnection> OpenAsync(CancellationToken ct) => throw new NotSupportedException();

    public Task<long> LoadAsync(string table, IReadOnlyList<DatastoreColumn> columns, IEnumerable<object?[]> rows, IProgress<long>? progress, CancellationToken ct)
    {
        Loads++;
        var all = rows.ToList(); // like a transaction: a load abandoned half-way keeps nothing
        Rows.AddRange(all);
        return Task.FromResult((long)Rows.Count);
    }

    public Task DropTableAsync(string table, CancellationToken ct) { Dropped.Add(table); return Task.CompletedTask; }
    public Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([]);
}
