using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.DataApis.Catalog;

namespace OpenData.Web.Features.OpenIndex;

public sealed partial class OpenIndexQueries
{
    public static string ChannelLabel(string channel) => channel switch
    {
        AccessChannels.Page => "网页浏览",
        AccessChannels.Download => "文件下载",
        AccessChannels.Api => "接口访问",
        _ => channel,
    };

    /// <summary>访问来源追溯: views and downloads (not API calls, which have their own ranking) per source dimension.</summary>
    private async Task<AccessSources> SourcesAsync(OpenIndexRange r, int? deptId, CancellationToken ct)
    {
        var rows = await db.AccessDaily.AsNoTracking()
            .Where(a => a.Day >= r.FromDay && a.Day <= r.ToDay && (a.Action == AccessActions.View || a.Action == AccessActions.Download)
                && (deptId == null || a.DepartmentId == deptId))
            .GroupBy(a => new { a.Action, a.Channel, a.Referrer, a.Industry, a.Occupation, a.Region })
            .Select(g => new Source(g.Key.Action, g.Key.Channel, g.Key.Referrer, g.Key.Industry, g.Key.Occupation, g.Key.Region, g.Sum(a => a.Count)))
            .ToListAsync(ct);
        return new AccessSources(
            By(rows, s => ChannelLabel(s.Channel)),
            By(rows, s => s.Referrer.Length == 0 ? "直接访问" : s.Referrer, 15),
            By(rows, s => s.Industry.Length == 0 ? "未登录或未填写" : s.Industry, 15),
            By(rows, s => s.Occupation.Length == 0 ? "未登录或未填写" : s.Occupation, 15),
            By(rows, s => s.Region.Length == 0 ? UnknownRegion.Label : s.Region, 15));
    }

    private sealed record Source(string Action, string Channel, string Referrer, string Industry, string Occupation, string Region, long Count);

    private static List<SourceCount> By(List<Source> rows, Func<Source, string> label, int top = int.MaxValue) =>
        rows.GroupBy(label)
            .Select(g => new SourceCount(g.Key, g.Where(s => s.Action == AccessActions.View).Sum(s => s.Count),
                g.Where(s => s.Action == AccessActions.Download).Sum(s => s.Count)))
            .OrderByDescending(s => s.Views + s.Downloads).ThenBy(s => s.Label, StringComparer.Ordinal).Take(top).ToList();

    private async Task<List<RankedItem>> DatasetRankingAsync(OpenIndexRange r, int? deptId, CancellationToken ct)
    {
        var top = await TopItemsAsync(Items(r, AccessActions.Download, AccessItems.Dataset, deptId), Top, ct);
        var ids = top.Select(t => int.TryParse(t.Key, CultureInfo.InvariantCulture, out var id) ? id : 0).ToList();
        var sets = await db.Datasets.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Slug, d.Title, Dept = d.Department!.Name }).ToDictionaryAsync(d => d.Id.ToString(CultureInfo.InvariantCulture), ct);
        return top.Where(t => sets.ContainsKey(t.Key))
            .Select(t => new RankedItem(sets[t.Key].Slug, sets[t.Key].Title, sets[t.Key].Dept, t.Count, $"/datasets/{sets[t.Key].Slug}")).ToList();
    }

    private async Task<List<RankedItem>> ApiRankingAsync(OpenIndexRange r, int? deptId, CancellationToken ct)
    {
        var top = await TopItemsAsync(Items(r, AccessActions.Call, AccessItems.Api, deptId), Top, ct);
        var codes = top.Select(t => t.Key).ToList();
        var names = (await db.Resources.AsNoTracking().Where(x => codes.Contains(x.ApiCode))
                .Select(x => new { x.ApiCode, x.Name, x.Dataset!.Title, Dept = x.Dataset.Department!.Name }).ToListAsync(ct))
            .ToDictionary(x => x.ApiCode, x => (Name: ApiCatalog.DataName(x.Title, x.Name), x.Dept));
        foreach (var s in await db.ServiceApis.AsNoTracking().Where(s => codes.Contains(s.Code))
                     .Select(s => new { s.Code, s.Name, Dept = s.Department!.Name }).ToListAsync(ct))
            names[s.Code] = (s.Name, s.Dept);
        return top.Select(t => names.TryGetValue(t.Key, out var n)
            ? new RankedItem(t.Key, n.Name, n.Dept, t.Count, $"/apis/{t.Key}")
            : new RankedItem(t.Key, t.Key, "", t.Count, $"/apis/{t.Key}")).ToList();
    }

    /// <summary>Apps: views and downloads of the app pages together.</summary>
    private async Task<List<RankedItem>> AppRankingAsync(OpenIndexRange r, CancellationToken ct)
    {
        var rows = await db.ItemDaily.AsNoTracking()
            .Where(i => i.Day >= r.FromDay && i.Day <= r.ToDay && i.ItemKind == AccessItems.App)
            .GroupBy(i => i.ItemKey).Select(g => new { g.Key, Count = g.Sum(i => i.Count) })
            .OrderByDescending(x => x.Count).ThenBy(x => x.Key).Take(Top).ToListAsync(ct);
        var ids = rows.Select(t => int.TryParse(t.Key, CultureInfo.InvariantCulture, out var id) ? id : 0).ToList();
        var names = await db.ShowcaseRevisions.AsNoTracking().Where(v => v.IsPublished && ids.Contains(v.EntryId))
            .Select(v => new { v.EntryId, v.Name, v.TeamName }).ToDictionaryAsync(v => v.EntryId.ToString(CultureInfo.InvariantCulture), ct);
        return rows.Where(t => names.ContainsKey(t.Key))
            .Select(t => new RankedItem(t.Key, names[t.Key].Name, names[t.Key].TeamName, t.Count, $"/apps/{t.Key}")).ToList();
    }

    /// <summary>搜索热词: the most searched words within the range (also the home page's 热门搜索).</summary>
    public async Task<List<SearchWord>> HotSearchesAsync(OpenIndexRange r, int top, CancellationToken ct) =>
        (await TopItemsAsync(Items(r, AccessActions.Search, AccessItems.Search, null), top, ct)).Select(t => new SearchWord(t.Key, t.Count)).ToList();

    /// <summary>用户需求: requests made within the range, by domain, department and status; average days to the reply.</summary>
    private async Task<DemandSummary> DemandAsync(OpenIndexRange r, string? deptCode, CancellationToken ct)
    {
        var rows = await db.DataRequests.AsNoTracking()
            .Where(q => q.CreatedAt >= r.Start && q.CreatedAt < r.End && (deptCode == null || q.DepartmentCode == deptCode))
            .Select(q => new { q.DomainId, q.DepartmentCode, q.Status, q.CreatedAt, q.RepliedAt }).ToListAsync(ct);
        var domains = await db.Domains.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var depts = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var replied = rows.Where(q => q.RepliedAt is not null).ToList();
        return new DemandSummary(rows.Count, replied.Count,
            replied.Count == 0 ? null : Math.Round(replied.Average(q => (q.RepliedAt!.Value - q.CreatedAt).TotalDays), 1),
            Count(rows.Select(q => q.DomainId is { } d ? domains.GetValueOrDefault(d, "未指定领域") : "未指定领域")),
            Count(rows.Select(q => q.DepartmentCode is { } c ? depts.GetValueOrDefault(c, c) : "未指定部门")),
            Count(rows.Select(q => Interaction.Labels.Status(q.Status))));
    }

    private static List<LabelCount> Count(IEnumerable<string> labels) =>
        labels.GroupBy(l => l).Select(g => new LabelCount(g.Key, g.Count())).OrderByDescending(x => x.Count).ThenBy(x => x.Label, StringComparer.Ordinal).ToList();
}
