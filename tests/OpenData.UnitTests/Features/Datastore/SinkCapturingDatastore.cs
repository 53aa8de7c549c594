using System.Data.Common;
using System.Text;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Storage;

namespace OpenData.UnitTests.Features.Datastore;

/// <summary>
/// Like <see cref="CapturingDatastore"/> but pulls rows the way PostgreSQL's COPY does, through
/// <see cref="IDirectRows.WriteNext"/> into a sink (the CSV byte path, ADR 0012), and records what the sink got.
/// </summary>
public sealed class SinkCapturingDatastore : IDatastore
{
    public List<object?[]> Rows { get; } = [];
    public int Loads { get; private set; }
    /// <summary>Text cells the sink received as UTF-8 bytes (the byte path) rather than as strings.</summary>
    public long ByteTexts { get; private set; }
    public SqlDialect Dialect { get; } = new PostgresDialect();
    public Task<DbConnection> OpenAsync(CancellationToken ct) => throw new NotSupportedException();

    public Task<long> LoadAsync(string table, IReadOnlyList<DatastoreColumn> columns, IEnumerable<object?[]> rows, IProgress<long>? progress, CancellationToken ct)
    {
        Loads++;
        var direct = Assert.IsAssignableFrom<IDirectRows>(rows);
        var sink = new Recorder(columns.Count);
        while (direct.WriteNext(sink)) { }
        Rows.AddRange(sink.Rows); // like a transaction: a load abandoned half-way keeps nothing
        ByteTexts += sink.ByteTexts;
        return Task.FromResult((long)Rows.Count);
    }

    public Task DropTableAsync(string table, CancellationToken ct) => Task.CompletedTask;
    public Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([]);

    private sealed class Recorder(int width) : IRowSink
    {
        public List<object?[]> Rows { get; } = [];
        public long ByteTexts { get; private set; }
        private object?[] _row = [];
        private int _col;

        public void BeginRow()
        {
            if (Rows.Count > 0) Assert.Equal(width, _col);
            Rows.Add(_row = new object?[width]);
            _col = 0;
        }

        private void Put(object? v) => _row[_col++] = v;
        public void Null() => Put(null);
        public void Integer(long value) => Put(value);
        public void Decimal(decimal value) => Put(value);
        public void Date(DateOnly value) => Put(value);
        public void DateTime(DateTime value) => Put(value);
        public void Boolean(bool value) => Put(value);
        public void Text(ReadOnlySpan<byte> utf8) { ByteTexts++; Put(Encoding.UTF8.GetString(utf8)); }
        public void Text(string value) => Put(value);
    }
}
