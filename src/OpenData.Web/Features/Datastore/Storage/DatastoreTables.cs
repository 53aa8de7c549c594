using System.Text.RegularExpressions;

namespace OpenData.Web.Features.Datastore.Storage;

/// <summary>
/// Names of datastore tables and columns are generated here and only here: ds_ + 32 hex digits per
/// resource version and c1..cN per field, so user text never reaches an SQL identifier.
/// </summary>
public static partial class DatastoreTables
{
    public static string NewName() => "ds_" + Guid.NewGuid().ToString("N");

    public static string ColumnName(int index) => "c" + (index + 1);

    /// <summary>Throws unless the name is one this class generated (the catalog hands names back to us).</summary>
    public static string Check(string table) =>
        TablePattern().IsMatch(table) ? table : throw new ArgumentException($"Not a datastore table name: {table}", nameof(table));

    public static string CheckColumn(string column) =>
        ColumnPattern().IsMatch(column) ? column : throw new ArgumentException($"Not a datastore column name: {column}", nameof(column));

    [GeneratedRegex("^ds_[0-9a-f]{32}$")]
    private static partial Regex TablePattern();
    [GeneratedRegex("^c[1-9][0-9]{0,4}$")]
    private static partial Regex ColumnPattern();
}
