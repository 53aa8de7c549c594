namespace OpenData.Web.Features.Datastore;

/// <summary>The datastore table currently served for a resource (the newest version that loaded completely).</summary>
public sealed record ResourceTable(int ResourceId, int VersionNumber, string TableName, IReadOnlyList<DatastoreColumn> Columns, long RowCount)
{
    /// <summary>Columns a partial 受限数据 grant leaves out (see <see cref="GrantedTables"/>); empty otherwise.</summary>
    public IReadOnlyList<string> Withheld { get; init; } = [];
}

/// <summary>
/// Finds the table behind a resource (or one of its versions). Preview, downloads, analysis and the data API
/// all read through this, so a version becomes visible to all of them at the same moment.
/// </summary>
public interface IResourceTables
{
    Task<ResourceTable?> CurrentAsync(int resourceId, CancellationToken ct);
    Task<ResourceTable?> VersionAsync(int resourceId, int versionNumber, CancellationToken ct);
}
