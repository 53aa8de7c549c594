using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Features.DataApis.Catalog;
using OpenData.Web.Features.Home;

namespace OpenData.Web.Features.DeveloperCenter;

/// <summary>One entry of a list or ranking on /developer: what it is, where it is, and the figure it is ranked by.</summary>
public sealed record DeveloperItem(string Title, string Href, string Meta, string? Value, DateTimeOffset? At);

public sealed record DeveloperOverview(
    IReadOnlyList<DeveloperItem> LatestDatasets, IReadOnlyList<DeveloperItem> LatestApis,
    IReadOnlyList<DeveloperItem> MostDownloaded, IReadOnlyList<DeveloperItem> TopRated, IReadOnlyList<DeveloperItem> MostCalled,
    IReadOnlyList<DeveloperItem> TopApps, IReadOnlyList<CounterDto> Counters);

/// <summary>
/// The figures of the developer center (seed 2.5): newest datasets and APIs, and the download, rating and call
/// rankings. Read from the catalog's own counters, the same ones the dataset and API pages show.
/// </summary>
public sealed class DeveloperQueries(PortalDbContext db, ApiCatalog apis, HomeQueries home)
{
    private const int Top = 8;

    public async Task<DeveloperOverview> OverviewAsync(CancellationToken ct)
    {
        var published = db.Datasets.AsNoTracking().Where(d => d.IsPublished);
        var latest = await Datasets(published.OrderByDescending(d => d.DataUpdatedAt ?? d.UpdatedAt).ThenBy(d => d.Id), ct);
        var downloaded = await Datasets(published.Where(d => d.DownloadCount > 0).OrderByDescending(d => d.DownloadCount).ThenBy(d => d.Id), ct);
        var rated = await Datasets(published.Where(d => d.RatingCount > 0).OrderByDescending(d => d.RatingAverage).ThenByDescending(d => d.RatingCount).ThenBy(d => d.Id), ct);
        var newestApis = (await apis.SearchAsync(new ApiSearch(null, null, null, "updated", 1, Top), ct)).Items;
        var called = (await apis.SearchAsync(new ApiSearch(null, null, null, "calls", 1, Top), ct)).Items.Where(a => a.CallCount > 0);
        return new DeveloperOverview(
            latest.Select(d => new DeveloperItem(d.Title, $"/datasets/{d.Slug}", d.Dept, null, d.At)).ToList(),
            newestApis.Select(a => new DeveloperItem(a.Name, $"/apis/{Uri.EscapeDataString(a.Code)}", a.DepartmentName, null, a.UpdatedAt)).ToList(),
            downloaded.Select(d => new DeveloperItem(d.Title, $"/datasets/{d.Slug}", d.Dept, $"{d.Downloads:N0} 次下载", null)).ToList(),
            rated.Select(d => new DeveloperItem(d.Title, $"/datasets/{d.Slug}", d.Dept, $"{d.Rating:0.0} 分（{d.Ratings} 人）", null)).ToList(),
            called.Select(a => new DeveloperItem(a.Name, $"/apis/{Uri.EscapeDataString(a.Code)}", a.DepartmentName, $"{a.CallCount:N0} 次调用", null)).ToList(),
            await TopAppsAsync(ct),
            await home.CountersAsync(ct));
    }

    /// <summary>应用排行: approved showcase entries (those with a published revision) by views, then rating.</summary>
    private async Task<List<DeveloperItem>> TopAppsAsync(CancellationToken ct)
    {
        var rows = await db.ShowcaseRevisions.AsNoTracking().Where(r => r.IsPublished && (r.Entry!.ViewCount > 0 || r.Entry.RatingCount > 0))
            .OrderByDescending(r => r.Entry!.ViewCount).ThenByDescending(r => r.Entry!.RatingAverage).ThenBy(r => r.EntryId).Take(Top)
            .Select(r => new { r.EntryId, r.Name, r.TeamName, r.Entry!.ViewCount, r.Entry.RatingAverage, r.Entry.RatingCount }).ToListAsync(ct);
        return rows.Select(r => new DeveloperItem(r.Name, $"/apps/{r.EntryId}", r.TeamName,
            r.RatingCount > 0 ? $"{r.ViewCount:N0} 次浏览 · {r.RatingAverage:0.0} 分" : $"{r.ViewCount:N0} 次浏览", null)).ToList();
    }

    private sealed record Row(string Title, string Slug, string Dept, DateTimeOffset At, long Downloads, double Rating, int Ratings);

    private static Task<List<Row>> Datasets(IQueryable<Data.Entities.Dataset> ordered, CancellationToken ct) =>
        ordered.Take(Top).Select(d => new Row(d.Title, d.Slug, d.Department!.Name, d.DataUpdatedAt ?? d.UpdatedAt, d.DownloadCount, d.RatingAverage, d.RatingCount))
            .ToListAsync(ct);
}
