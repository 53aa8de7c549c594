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
        // The department, county and domain names are part of what a dataset is about: 丽水 finds every
        // 丽水市… department's data, 莲都 the county's. FindAsync answers from the tracked entities when it can.
        var department = d.Department ?? await db.Departments.FindAsync([d.DepartmentId], ct);
        var domain = d.Domain ?? await db.Domains.FindAsync([d.DomainId], ct);
        var county = d.County ?? (d.CountyCode is null ? null : await db.Counties.FindAsync([d.CountyCode], ct));
        Fill(doc, d, string.Join(' ', new[] { department?.Name, department?.ShortName, domain?.Name, county?.Name }.Where(n => !string.IsNullOrEmpty(n))));
    }

    public void Fill(DatasetSearchDocument doc, Dataset d, string context = "")
    {
        doc.Title = segmenter.IndexText(d.Title);
        doc.Body = segmenter.IndexText(d.Summary + " " + d.Tags.Replace(',', ' ') + " " + context);
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

    /// <summary>
    /// Shorter searches to offer when a keyword finds nothing: its segmented words, then its two-character pieces
    /// (a typo in one character still leaves the others), longest first, without repeats.
    /// </summary>
    public IEnumerable<string> NearWords(string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) yield break;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = segmenter.Words(q);
        foreach (var w in words.Where(w => w.Length >= 2).OrderByDescending(w => w.Length))
            if (seen.Add(w)) yield return w;
        foreach (var w in words.Where(w => w.Length > 2))
            for (var i = 0; i + 2 <= w.Length; i++)
                if (seen.Add(w.Substring(i, 2))) yield return w.Substring(i, 2);
        var joined = string.Concat(words.Where(w => w.Length == 1));
        for (var i = 0; i + 2 <= joined.Length; i++)
            if (seen.Add(joined.Substring(i, 2))) yield return joined.Substring(i, 2);
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
        var count = await ReindexAsync(db.Datasets, ct);
        if (provider.Provider == DatabaseProvider.Sqlite)
            await SqliteSearchIndex.RebuildAsync(db, ct);
        return count;
    }

    /// <summary>Rebuilds the search documents of some datasets (a department, domain or county was renamed or merged).</summary>
    public async Task<int> ReindexAsync(IQueryable<Dataset> which, CancellationToken ct = default)
    {
        var count = 0;
        var ids = await which.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(500))
        {
            var datasets = await db.Datasets.Include(d => d.Fields).Where(d => chunk.Contains(d.Id)).ToListAsync(ct);
            foreach (var d in datasets) await IndexAsync(d, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            count += datasets.Count;
        }
        return count;
    }
}
