using Microsoft.EntityFrameworkCore;

namespace OpenData.Web.Features.Datasets;

/// <summary>A word to search instead, with how many published datasets it finds.</summary>
public sealed record SearchSuggestion(string Word, int Count);

/// <summary>What a search that found nothing offers instead: its words and two-character pieces that do find data,
/// and a few of the datasets the best of them finds.</summary>
public sealed record SearchSuggestions(IReadOnlyList<SearchSuggestion> Words, IReadOnlyList<DatasetCardDto> Datasets)
{
    public bool IsEmpty => Words.Count == 0;
}

public sealed partial class DatasetQueries
{
    private const int MaxSuggestionProbes = 12;

    public async Task<SearchSuggestions> SuggestAsync(string? q, CancellationToken ct = default)
    {
        var found = new List<SearchSuggestion>();
        foreach (var word in search.NearWords(q).Take(MaxSuggestionProbes))
        {
            if (search.Match(word) is not { } hits) continue;
            var count = await db.Datasets.AsNoTracking().Where(d => d.IsPublished && hits.Select(h => h.DatasetId).Contains(d.Id)).CountAsync(ct);
            if (count > 0) found.Add(new SearchSuggestion(word, count));
        }
        found = found.OrderByDescending(s => s.Word.Length).ThenByDescending(s => s.Count).Take(5).ToList();
        if (found.Count == 0 || search.Match(found[0].Word) is not { } best) return new SearchSuggestions([], []);
        var ids = await db.Datasets.AsNoTracking().Where(d => d.IsPublished && best.Select(h => h.DatasetId).Contains(d.Id))
            .OrderByDescending(d => d.ViewCount).ThenByDescending(d => d.Id).Select(d => d.Id).Take(3).ToListAsync(ct);
        return new SearchSuggestions(found, await CardsAsync(ids, ct));
    }
}
