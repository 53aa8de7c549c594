using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenData.Web.Infrastructure.Data;

/// <summary>
/// The catalog on SQLite runs in WAL mode with synchronous=NORMAL (ADR 0050): in the default rollback journal
/// every write locks out all readers and costs several fsyncs, which serialised the signed gateway (two small
/// writes per call: nonce and quota) at a few dozen calls per second. WAL lets readers run beside the one
/// writer; NORMAL keeps the database consistent after a crash and may lose only the last commits on power
/// loss. journal_mode is stored in the file, so it is switched on the first open of each database in this
/// process (at startup, before any concurrency); synchronous is per connection, so it is set on every open,
/// with SQLite's own busy wait (fine-grained sleeps) for a writer that finds the write lock taken.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _walSet = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _readOnly = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        // EF opens a read-only connection to ask whether the file exists (before migrating): switching a database
        // that is not yet in WAL (an older installation, a restored backup) would be a write and fail there.
        // Parsed once per connection string: every EF open of every request comes through here.
        var readOnly = _readOnly.GetOrAdd(connection.ConnectionString,
            cs => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).Mode == Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = !readOnly && _walSet.TryAdd(connection.ConnectionString, true)
            ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;" : "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;";
        cmd.ExecuteNonQuery();
    }
}
