using System.Data.Common;
using Npgsql;

namespace OpenData.Web.Infrastructure.Data;

/// <summary>
/// The one PostgreSQL connection pool of a node (ADR 0051): EF Core, the datastore's reads and the gateway's nonce
/// insert all use it, so a node never holds more connections than before. Two settings make the hot path cheap:
/// statements used repeatedly (a data API's page query, the nonce insert) are prepared on each physical connection,
/// and a connection returned to the pool is not reset with DISCARD ALL, which would throw those plans away and cost
/// the server a statement per use. No code sets session state (only SET LOCAL inside transactions), so there is
/// nothing to reset; a deployment that adds some must turn the reset back on.
/// </summary>
public static class PortalDataSource
{
    public static NpgsqlDataSource Create(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Has(given, "Max Auto Prepare")) b.MaxAutoPrepare = 64;
        if (!Has(given, "No Reset On Close")) b.NoResetOnClose = true;
        return NpgsqlDataSource.Create(b.ConnectionString);
    }

    /// <summary>An operator's own value in the connection string wins (either spelling of the key).</summary>
    private static bool Has(DbConnectionStringBuilder given, string key) =>
        given.ContainsKey(key) || given.ContainsKey(key.Replace(" ", "", StringComparison.Ordinal));
}
