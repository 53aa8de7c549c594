using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Features.Datasets;

/// <summary>A matching dataset and its score (higher is better).</summary>
public sealed record SearchHit(int DatasetId, double Rank);

/// <summary>Full-text search over the catalog (ADR 0020): the app segments, the database indexes and ranks.</summary>
public sealed class DatasetSearch(PortalDbContext db, DatabaseProviderInfo provider, ChineseSegmenter segmenter)
{
    /// <summary>
    /// Adds or refreshes the search document of a saved dataset (Fields loaded). The caller saves it in the same
    /// transaction as the catalog change, so search never drifts from the catalog.
    /// </summary>
    public async Task IndexAsync(Dataset d, CancellationToken ct = default)
    {
        var doc = await db.DatasetSearch.FindAsync([d.Id], ct);
        if (doc is null)
        {
            doc = new DatasetSearchDocument { DatasetId = d.Id };
            db.DatasetSearch.Add(doc);
        }
        Fill(doc, d);
    }

    public void Fill(DatasetSearchDocument doc, Dataset d)
    {
        doc.Title = segmenter.IndexText(d.Title);
        doc.Body = segmenter.IndexText(d.Summary + " " + d.Tags.Replace(',', ' '));
        doc.Fields = segmenter.IndexText(string.Join(' ', d.Fields.Select(f => f.Name)));
    }

    /// <summary>Matching datasets with their rank, as a composable query; null when the keyword has no searchable text.</summary>
    public IQueryable<SearchHit>? Match(string? q)
    {
        var terms = segmenter.Query(q);
        if (terms.Count == 0) return null;
        if (provider.Provider == DatabaseProvider.Postgres)
        {
            var tsquery = string.Join(" & ", terms.Select(PostgresTerm));
            return db.Database.SqlQuery<SearchHit>($"""
                SELECT "DatasetId", ts_rank("SearchVector", to_tsquery('simple', {tsquery}))::float8 AS "Rank"
                FROM "DatasetSearch" WHERE "SearchVector" @@ to_tsquery('simple', {tsquery})
                """);
        }
        var match = string.Join(" AND ", terms.Select(SqliteTerm));
        // bm25 is lower-is-better; the column weights rank title above summary/tags above field names.
        return db.Database.SqlQuery<SearchHit>($"""
            SELECT rowid AS "DatasetId", -bm25("DatasetSearchFts", 10.0, 4.0, 1.0) AS "Rank"
            FROM "DatasetSearchFts" WHERE "DatasetSearchFts" MATCH {match}
            """);
    }

    // Tokens are letters and digits only (ChineseSegmenter), so quoting them cannot change the query's syntax.
    private static string SqliteTerm(SearchTerm t)
    {
        var alternatives = new List<string>();
        if (t.Words.Count > 0) alternatives.Add($"\"{string.Join(' ', t.Words)}\"");
        if (t.Bigrams.Count > 0) alternatives.Add($"\"{string.Join(' ', t.Bigrams)}\"");
        if (t.SingleChar is { } c) alternatives.Add($"\"{c}\" *");
        return "(" + string.Join(" OR ", alternatives) + ")";
    }

    private static string PostgresTerm(SearchTerm t)
    {
        var alternatives = new List<string>();
        if (t.Words.Count > 0) alternatives.Add(string.Join(" <-> ", t.Words.Select(w => $"'{w}'")));
        if (t.Bigrams.Count > 0) alternatives.Add(string.Join(" <-> ", t.Bigrams.Select(w => $"'{w}'")));
        if (t.SingleChar is { } c) alternatives.Add($"'{c}':*");
        return "(" + string.Join(" | ", alternatives.Select(a => $"({a})")) + ")";
    }

    /// <summary>Rebuilds every search document (operator command "reindex").</summary>
    public async Task<int> ReindexAllAsync(CancellationToken ct = default)
    {
        var count = 0;
        var ids = await db.Datasets.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(500))
        {
            var datasets = await db.Datasets.Include(d => d.Fields).Where(d => chunk.Contains(d.Id)).ToListAsync(ct);
            foreach (var d in datasets) await IndexAsync(d, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            count += datasets.Count;
        }
        if (provider.Provider == DatabaseProvider.Sqlite)
            await SqliteSearchIndex.RebuildAsync(db, ct);
        return count;
    }
}
