using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Interaction;

/// <summary>收藏 and 评分 on any item, with the item's counters updated in the same transaction.</summary>
public sealed class ItemInteractions(PortalDbContext db, InteractionItems items, IEnumerable<IInteractionCounters> counters, TimeProvider clock)
{
    public async Task<ItemStats> StatsAsync(string kind, string key, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var uid = InteractionAccess.UserId(user);
        var favorites = await db.Favorites.CountAsync(f => f.ItemKind == kind && f.ItemKey == key, ct);
        var ratings = db.Ratings.Where(r => r.ItemKind == kind && r.ItemKey == key);
        var count = await ratings.CountAsync(ct);
        var avg = count == 0 ? 0 : await ratings.AverageAsync(r => (double)r.Stars, ct);
        var mine = uid is null ? null : await ratings.Where(r => r.UserId == uid).Select(r => (int?)r.Stars).FirstOrDefaultAsync(ct);
        var fav = uid is not null && await db.Favorites.AnyAsync(f => f.UserId == uid && f.ItemKind == kind && f.ItemKey == key, ct);
        var sub = uid is not null && kind == ItemKinds.Dataset &&
                  await db.Subscriptions.AnyAsync(s => s.UserId == uid && db.Datasets.Any(d => d.Id == s.DatasetId && d.Slug == key), ct);
        return new ItemStats(favorites, count, Math.Round(avg, 1), fav, mine, sub);
    }

    public async Task<bool> IsFavoriteAsync(string kind, string key, ClaimsPrincipal user, CancellationToken ct = default) =>
        InteractionAccess.UserId(user) is { } uid && await db.Favorites.AnyAsync(f => f.UserId == uid && f.ItemKind == kind && f.ItemKey == key, ct);

    /// <summary>Adds or removes the favorite.</summary>
    public Task<Outcome> ToggleFavoriteAsync(string kind, string key, ClaimsPrincipal user, CancellationToken ct = default) =>
        SetFavoriteAsync(kind, key, null, user, ct);

    /// <summary>Makes the item a favorite (true), not one (false) or the opposite of now (null); idempotent for true/false (the JSON API's PUT and DELETE).</summary>
    public async Task<Outcome> SetFavoriteAsync(string kind, string key, bool? on, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (InteractionAccess.UserId(user) is not { } uid) return Outcome.Forbidden("请先登录再收藏");
        if (await items.ResolveAsync(kind, key, ct) is null) return Outcome.NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Favorites.FirstOrDefaultAsync(f => f.UserId == uid && f.ItemKind == kind && f.ItemKey == key, ct);
        var want = on ?? row is null;
        if (want && row is null) db.Favorites.Add(new Favorite { UserId = uid, ItemKind = kind, ItemKey = key, CreatedAt = clock.GetUtcNow() });
        else if (!want && row is not null) db.Favorites.Remove(row);
        await db.SaveChangesAsync(ct);
        await RefreshCountersAsync(kind, key, ct);
        await tx.CommitAsync(ct);
        return Outcome.Success(want ? "已收藏" : "已取消收藏", want ? 1 : 0);
    }

    /// <summary>Rates 1–5; a second rating by the same user replaces the first.</summary>
    public async Task<Outcome> RateAsync(string kind, string key, int stars, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (InteractionAccess.UserId(user) is not { } uid) return Outcome.Forbidden("请先登录再评分");
        if (stars is < 1 or > 5) return Outcome.Invalid("请选择 1 到 5 星");
        if (await items.ResolveAsync(kind, key, ct) is null) return Outcome.NotFound();
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Ratings.FirstOrDefaultAsync(r => r.UserId == uid && r.ItemKind == kind && r.ItemKey == key, ct);
        if (row is null) db.Ratings.Add(row = new Rating { UserId = uid, ItemKind = kind, ItemKey = key, CreatedAt = now });
        var changed = row.Id != 0;
        row.Stars = stars;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await RefreshCountersAsync(kind, key, ct);
        await tx.CommitAsync(ct);
        return Outcome.Success(changed ? $"已将您的评分修改为 {stars} 星" : $"感谢评分：{stars} 星");
    }

    /// <summary>The user's favorites of every kind, newest first; each page resolves only its own items.</summary>
    public async Task<Paged<FavoriteDto>> MyFavoritesAsync(ClaimsPrincipal user, int page = 1, int size = Paging.DefaultSize, CancellationToken ct = default)
    {
        if (InteractionAccess.UserId(user) is not { } uid) return new Paged<FavoriteDto>([], 0, 1, size);
        var rows = await Paging.PageAsync(db.Favorites.AsNoTracking().Where(f => f.UserId == uid)
            .OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id), page, size, ct);
        var list = new List<FavoriteDto>();
        foreach (var f in rows.Items)
        {
            var item = await items.ResolveAsync(f.ItemKind, f.ItemKey, ct);
            list.Add(new FavoriteDto(f.ItemKind, f.ItemKey, item?.Title ?? f.ItemKey, item?.Link, item?.DepartmentName ?? "", f.CreatedAt));
        }
        return new Paged<FavoriteDto>(list, rows.Total, rows.Page, rows.PageSize);
    }

    private async Task RefreshCountersAsync(string kind, string key, CancellationToken ct)
    {
        var counter = counters.FirstOrDefault(c => c.Kind == kind);
        if (counter is null) return;
        var favorites = await db.Favorites.CountAsync(f => f.ItemKind == kind && f.ItemKey == key, ct);
        var ratings = db.Ratings.Where(r => r.ItemKind == kind && r.ItemKey == key);
        var count = await ratings.CountAsync(ct);
        var avg = count == 0 ? 0 : await ratings.AverageAsync(r => (double)r.Stars, ct);
        await counter.UpdateAsync(key, favorites, count, Math.Round(avg, 2), ct);
    }
}

public sealed record FavoriteDto(string Kind, string Key, string Title, string? Link, string Department, DateTimeOffset CreatedAt);
