using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;

namespace OpenData.Web.Features.Interaction;

/// <summary>Favorite and rating figures of one item, plus what the current user did.</summary>
public sealed record ItemStats(int Favorites, int RatingCount, double RatingAverage, bool IsFavorite, int? MyStars, bool IsSubscribed);

/// <summary>
/// Keeps an area's denormalized counters (used by its list sorts) in step; called inside the command's
/// transaction. Datasets register one here; other areas may register theirs.
/// </summary>
public interface IInteractionCounters
{
    string Kind { get; }
    Task UpdateAsync(string key, int favorites, int ratingCount, double ratingAverage, CancellationToken ct);
}

public sealed class DatasetCounters(PortalDbContext db) : IInteractionCounters
{
    public string Kind => ItemKinds.Dataset;

    public Task UpdateAsync(string key, int favorites, int ratingCount, double ratingAverage, CancellationToken ct) =>
        db.Datasets.Where(d => d.Slug == key).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.FavoriteCount, favorites)
            .SetProperty(d => d.RatingCount, ratingCount)
            .SetProperty(d => d.RatingAverage, ratingAverage), ct);
}
