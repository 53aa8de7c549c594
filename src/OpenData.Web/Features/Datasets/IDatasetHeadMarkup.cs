namespace OpenData.Web.Features.Datasets;

/// <summary>
/// Markup another feature adds to a dataset page's head (Interop: schema.org JSON-LD and alternate links). The page
/// asks for it while it loads and writes it inside its one HeadContent: a component with its own async work inside
/// HeadContent can be disposed and replaced mid-query, which lost the markup on SQLite and failed the page on PostgreSQL.
/// </summary>
public interface IDatasetHeadMarkup
{
    /// <summary>Safe HTML for the head, or "" when there is nothing to add (unpublished or restricted datasets).</summary>
    Task<string> HeadAsync(string slug, CancellationToken ct);
}
