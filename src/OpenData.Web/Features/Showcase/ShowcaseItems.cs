using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Interaction;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Showcase;

/// <summary>
/// 收藏, 评分, 评论 and 纠错 on an app (kind "app", key = entry id): only approved entries resolve. Apps have no
/// providing department; their comments and corrections go to the platform operator, 市大数据局 (dsjj).
/// </summary>
public sealed class AppItemResolver(PortalDbContext db) : IInteractionItemResolver
{
    public const string OperatorDepartment = "dsjj";

    public string Kind => ItemKinds.App;

    public async Task<InteractionItem?> ResolveAsync(string key, CancellationToken ct)
    {
        if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        var name = await db.ShowcaseRevisions.AsNoTracking().Where(r => r.EntryId == id && r.IsPublished).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (name is null) return null;
        var dept = await db.Departments.AsNoTracking().Where(d => d.Code == OperatorDepartment).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "";
        return new InteractionItem(ItemKinds.App, key, name, "/apps/" + key, OperatorDepartment, dept);
    }
}

/// <summary>Keeps the entry's favorite and rating figures (the 评分 sort) in step with the interaction tables.</summary>
public sealed class AppCounters(PortalDbContext db) : IInteractionCounters
{
    public string Kind => ItemKinds.App;

    public Task UpdateAsync(string key, int favorites, int ratingCount, double ratingAverage, CancellationToken ct) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? db.ShowcaseEntries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.FavoriteCount, favorites).SetProperty(e => e.RatingCount, ratingCount).SetProperty(e => e.RatingAverage, ratingAverage), ct)
            : Task.CompletedTask;
}

/// <summary>Entries waiting for review, for the admin dashboard.</summary>
public sealed class ShowcaseReviewQueue(PortalDbContext db) : IReviewQueue
{
    public async Task<ReviewQueueStatus> StatusAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var pending = db.ShowcaseEntries.Where(e => e.Status == ShowcaseStatus.Pending);
        var count = ShowcaseAccess.IsReviewer(user) ? await pending.CountAsync(ct) : 0;
        var oldest = count > 0 ? await pending.OrderBy(e => e.UpdatedAt).Select(e => (DateTimeOffset?)e.UpdatedAt).FirstOrDefaultAsync(ct) : null;
        return new ReviewQueueStatus("showcase", "应用成果审核", "/admin/showcase", count, oldest, 30);
    }
}

/// <summary>Approved entries, for the home page figures.</summary>
public sealed class AppCounter(ShowcaseQueries queries) : IPlatformCounter
{
    public string Label => "应用成果";
    public string Unit => "个";
    public string? Href => "/apps";
    public int Order => 30;
    public Task<int> CountAsync(CancellationToken ct) => queries.CountAsync(ct);
}
