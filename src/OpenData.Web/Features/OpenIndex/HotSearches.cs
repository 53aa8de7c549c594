using Microsoft.Extensions.Options;

namespace OpenData.Web.Features.OpenIndex;

/// <summary>The home page's 热门搜索: the last 30 days' most searched words, or null while there are too few to rank.</summary>
public sealed class HotSearches(OpenIndexQueries queries, TimeProvider clock, IOptions<OpenIndexOptions> options)
{
    public async Task<IReadOnlyList<string>?> TopAsync(int count, CancellationToken ct = default)
    {
        var range = OpenIndexRange.Parse("30d", null, null, clock.GetUtcNow()).Range!;
        var words = await queries.HotSearchesAsync(range, count, ct);
        return words.Count < Math.Min(count, options.Value.HotSearchMinimum) ? null : words.Select(w => w.Word).ToList();
    }
}
