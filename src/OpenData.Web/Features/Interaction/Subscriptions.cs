using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Interaction;

public sealed record SubscriptionDto(string Slug, string Title, string Department, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
public sealed record DatasetUpdateDto(string Kind, string Title, string Summary, DateTimeOffset At);

/// <summary>订阅 of datasets; messages are written by DatasetChangeWatcher when a dataset changes.</summary>
public sealed class Subscriptions(PortalDbContext db, TimeProvider clock)
{
    public async Task<Outcome> ToggleAsync(string slug, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (InteractionAccess.UserId(user) is not { } uid) return Outcome.Forbidden("请先登录再订阅");
        var id = await db.Datasets.Where(d => d.Slug == slug && d.IsPublished).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (id is null) return Outcome.NotFound();
        var row = await db.Subscriptions.FirstOrDefaultAsync(s => s.UserId == uid && s.DatasetId == id, ct);
        if (row is null) db.Subscriptions.Add(new Subscription { UserId = uid, DatasetId = id.Value, CreatedAt = clock.GetUtcNow() });
        else db.Subscriptions.Remove(row);
        await db.SaveChangesAsync(ct);
        return Outcome.Success(row is null ? "已订阅：数据更新或信息变更时将通知您" : "已取消订阅");
    }

    public async Task<Paged<SubscriptionDto>> MineAsync(ClaimsPrincipal user, int page = 1, int size = Paging.DefaultSize, CancellationToken ct = default) =>
        InteractionAccess.UserId(user) is not { } uid ? new Paged<SubscriptionDto>([], 0, 1, size) :
        await Paging.PageAsync(db.Subscriptions.AsNoTracking().Where(s => s.UserId == uid)
            .Join(db.Datasets, s => s.DatasetId, d => d.Id, (s, d) => new { s, d })
            .OrderByDescending(x => x.s.CreatedAt).ThenByDescending(x => x.s.Id)
            .Select(x => new SubscriptionDto(x.d.Slug, x.d.Title, x.d.Department!.Name, x.s.CreatedAt, x.d.UpdatedAt)), page, size, ct);

    public Task<List<DatasetUpdateDto>> UpdatesAsync(int datasetId, int take, CancellationToken ct = default) =>
        db.DatasetUpdates.AsNoTracking().Where(u => u.DatasetId == datasetId).OrderByDescending(u => u.At).ThenByDescending(u => u.Id).Take(take)
            .Select(u => new DatasetUpdateDto(u.Kind, u.Title, u.Summary, u.At)).ToListAsync(ct);
}
