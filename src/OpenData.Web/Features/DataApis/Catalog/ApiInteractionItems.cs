using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Features.Interaction;

namespace OpenData.Web.Features.DataApis.Catalog;

/// <summary>
/// 收藏, 评分, 评论 and 数据纠错 on an API (ADR 0040): a published data API or department API resolves to its
/// name, page and owning department, so comments and error reports land in that department's workbench.
/// </summary>
public sealed class ApiItemResolver(ApiCatalog catalog) : IInteractionItemResolver
{
    public string Kind => ItemKinds.Api;

    public async Task<InteractionItem?> ResolveAsync(string key, CancellationToken ct) =>
        await catalog.FindAsync(key, ct) is { } a
            ? new InteractionItem(ItemKinds.Api, a.Code, a.Name, "/apis/" + a.Code, a.DepartmentCode, a.DepartmentName)
            : null;
}

/// <summary>The average and count of the APIs' own ratings (not their datasets'), for cards, the detail page and the 评分 sort.</summary>
public static class ApiRatings
{
    public static async Task<Dictionary<string, (double Average, int Count)>> ForAsync(PortalDbContext db, string? code, CancellationToken ct)
    {
        var q = db.Ratings.AsNoTracking().Where(r => r.ItemKind == ItemKinds.Api);
        if (code is not null) q = q.Where(r => r.ItemKey == code);
        var rows = await q.GroupBy(r => r.ItemKey)
            .Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(r => r.Stars) }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => (Math.Round(r.Sum / (double)r.Count, 1), r.Count));
    }
}
