using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.DataApis.Catalog;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Features.Interaction;

namespace OpenData.Web.Features.Showcase;

/// <summary>
/// Reads of the showcase. The public sees only published revisions (approved content); the owner and reviewers
/// also see the latest submitted one. Pages and the JSON API call the same methods.
/// </summary>
public sealed class ShowcaseQueries(PortalDbContext db, ChineseSegmenter segmenter, ApiCatalog apis)
{
    public const int PageSize = 12;

    private IQueryable<ShowcaseRevision> Published => db.ShowcaseRevisions.AsNoTracking().Where(r => r.IsPublished);

    public Task<int> CountAsync(CancellationToken ct) => Published.CountAsync(ct);

    /// <summary>The list (2.3.1): filters, the datasets' Chinese segmentation for the name search, sort, server-side paging.</summary>
    public async Task<Paged<AppCardDto>> SearchAsync(AppSearch s, CancellationToken ct)
    {
        var q = Published;
        if (s.Domain is { } domain) q = q.Where(r => r.DomainId == domain);
        if (ShowcaseLabels.Parse(s.Type) is { } type) q = q.Where(r => r.Type == type);
        foreach (var term in segmenter.Query(s.Q))
        {
            // A CJK term matches by its bigrams (whatever the segmenter chose at index time), a Latin one by its words.
            var tokens = term.Bigrams.Count > 0 ? term.Bigrams : term.Words;
            if (tokens.Count == 0 && term.SingleChar is { } c) q = q.Where(r => r.SearchText.Contains(c));
            foreach (var token in tokens)
            {
                var padded = " " + token + " ";
                q = q.Where(r => r.SearchText.Contains(padded));
            }
        }
        q = s.Sort switch
        {
            "rating" => q.OrderByDescending(r => r.Entry!.RatingAverage).ThenByDescending(r => r.Entry!.RatingCount),
            "views" => q.OrderByDescending(r => r.Entry!.ViewCount),
            "downloads" => q.OrderByDescending(r => r.Entry!.DownloadCount),
            _ => q.OrderByDescending(r => r.Entry!.PublishedAt),
        };
        var total = await q.CountAsync(ct);
        var page = Paging.Clamp(s.Page, total, PageSize);
        var rows = await ((IOrderedQueryable<ShowcaseRevision>)q).ThenByDescending(r => r.EntryId).Skip((page - 1) * PageSize).Take(PageSize).Select(r => r.Id).ToListAsync(ct);
        return new Paged<AppCardDto>(await CardsAsync(rows, ct), total, page, PageSize);
    }

    /// <summary>The newest approved entries, for the home page row.</summary>
    public async Task<List<AppCardDto>> NewestAsync(int count, CancellationToken ct) =>
        await CardsAsync(await Published.OrderByDescending(r => r.Entry!.PublishedAt).ThenByDescending(r => r.EntryId).Take(count).Select(r => r.Id).ToListAsync(ct), ct);

    /// <summary>Approved entries built on a dataset (slug) or an API (code).</summary>
    public async Task<List<AppCardDto>> BuiltOnAsync(string kind, string key, int max, CancellationToken ct) =>
        await CardsAsync(await Published.Where(r => r.Links.Any(l => l.Kind == kind && l.Key == key))
            .OrderByDescending(r => r.Entry!.RatingAverage).ThenByDescending(r => r.EntryId).Take(max).Select(r => r.Id).ToListAsync(ct), ct);

    /// <summary>The public detail; null unless approved.</summary>
    public async Task<AppDetailDto?> DetailAsync(int id, CancellationToken ct) =>
        await Published.Where(r => r.EntryId == id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct) is { } rev ? await RevisionAsync(rev, ct) : null;

    /// <summary>The owner's or a reviewer's view: the latest submitted revision and the review state; null for anyone else.</summary>
    public async Task<(AppDetailDto Latest, AppReviewStateDto State)?> PrivateAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var entry = await db.ShowcaseEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null || !ShowcaseAccess.CanSeePrivate(user, entry.OwnerId)) return null;
        var revs = await db.ShowcaseRevisions.AsNoTracking().Where(r => r.EntryId == id).Select(r => new { r.Id, r.IsPublished }).ToListAsync(ct);
        var latest = revs.Max(r => r.Id);
        var isPublic = revs.Any(r => r.IsPublished);
        var state = new AppReviewStateDto(ShowcaseLabels.Status(entry.Status), ShowcaseLabels.StatusLabel(entry.Status), entry.ReviewReason, isPublic,
            isPublic && !revs.Single(r => r.Id == latest).IsPublished, entry.LinkState.ToString().ToLowerInvariant(), entry.LinkError, entry.LinkCheckedAt, ShowcaseAccess.UserId(user) == entry.OwnerId);
        return ((await RevisionAsync(latest, ct))!, state);
    }

    public async Task<List<MyAppDto>> MineAsync(string userId, CancellationToken ct) =>
        await MyRowsAsync(db.ShowcaseEntries.Where(e => e.OwnerId == userId).OrderByDescending(e => e.UpdatedAt), ct);

    /// <summary>The reviewers' queue, a page at a time: waiting entries first, oldest first.</summary>
    public async Task<Paged<MyAppDto>> QueueAsync(ClaimsPrincipal user, bool pendingOnly, int page, CancellationToken ct)
    {
        if (!ShowcaseAccess.IsReviewer(user)) throw new UnauthorizedAccessException();
        var q = db.ShowcaseEntries.AsQueryable();
        if (pendingOnly) q = q.Where(e => e.Status == ShowcaseStatus.Pending);
        var total = await q.CountAsync(ct);
        page = Paging.Clamp(page, total, Paging.DefaultSize);
        var items = await MyRowsAsync(q.OrderBy(e => e.Status).ThenBy(e => e.UpdatedAt).ThenBy(e => e.Id)
            .Skip((page - 1) * Paging.DefaultSize).Take(Paging.DefaultSize), ct);
        return new Paged<MyAppDto>(items, total, page, Paging.DefaultSize);
    }

    private async Task<List<MyAppDto>> MyRowsAsync(IQueryable<ShowcaseEntry> q, CancellationToken ct)
    {
        var rows = await q.AsNoTracking().Select(e => new
        {
            e.Id, e.Status, e.ReviewReason, e.LinkState, e.LinkError, e.CreatedAt, e.UpdatedAt, e.DeveloperAppId,
            Latest = e.Revisions.OrderByDescending(r => r.Id).Select(r => new { r.Name, r.Type }).First(),
            IsPublic = e.Revisions.Any(r => r.IsPublished),
            Owner = db.Users.Where(u => u.Id == e.OwnerId).Select(u => u.UserName).FirstOrDefault() ?? "",
        }).ToListAsync(ct);
        return rows.Select(e => new MyAppDto(e.Id, e.Latest.Name, ShowcaseLabels.Code(e.Latest.Type), ShowcaseLabels.Label(e.Latest.Type),
            ShowcaseLabels.Status(e.Status), ShowcaseLabels.StatusLabel(e.Status), e.ReviewReason, e.IsPublic,
            e.LinkState.ToString().ToLowerInvariant(), e.LinkError, e.CreatedAt, e.UpdatedAt, e.Owner, e.DeveloperAppId)).ToList();
    }

    private async Task<List<AppCardDto>> CardsAsync(List<int> revisionIds, CancellationToken ct)
    {
        if (revisionIds.Count == 0) return [];
        var rows = await db.ShowcaseRevisions.AsNoTracking().Where(r => revisionIds.Contains(r.Id)).Select(r => new
        {
            r.Id, r.EntryId, r.Name, r.Type, r.DomainId, DomainName = db.Domains.Where(d => d.Id == r.DomainId).Select(d => d.Name).FirstOrDefault() ?? "",
            r.Summary, r.Entry!.ViewCount, r.Entry.DownloadCount, r.Entry.RatingAverage, r.Entry.RatingCount, r.Entry.IsDemo, r.Entry.PublishedAt,
            Links = r.Links.Select(l => new { l.Kind, l.Key }).ToList(),
            Images = r.Images.OrderBy(i => i.Order).Select(i => new { i.Hash, i.ThumbHash }).ToList(),
        }).ToListAsync(ct);
        return revisionIds.Select(id => rows.Single(r => r.Id == id)).Select(r => new AppCardDto(r.EntryId, r.Name, ShowcaseLabels.Code(r.Type),
            ShowcaseLabels.Label(r.Type), r.DomainId, r.DomainName, r.Summary,
            r.Links.Where(l => l.Kind == ItemKinds.Dataset).Select(l => l.Key).ToList(), r.Links.Where(l => l.Kind == ItemKinds.Api).Select(l => l.Key).ToList(),
            r.Images.Select(i => ShowcaseLabels.ImageUrl(i.Hash)).ToList(), r.Images.Select(i => ShowcaseLabels.ImageUrl(i.ThumbHash)).FirstOrDefault(),
            r.ViewCount, r.DownloadCount, r.RatingAverage, r.RatingCount, r.IsDemo, r.PublishedAt)).ToList();
    }

    private async Task<AppDetailDto?> RevisionAsync(int revisionId, CancellationToken ct)
    {
        var r = await db.ShowcaseRevisions.AsNoTracking().Include(x => x.Entry).Include(x => x.Links).Include(x => x.Images)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == revisionId, ct);
        if (r is null) return null;
        var e = r.Entry!;
        var domain = await db.Domains.Where(d => d.Id == r.DomainId).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "";
        var slugs = r.Links.Where(l => l.Kind == ItemKinds.Dataset).Select(l => l.Key).ToList();
        var codes = r.Links.Where(l => l.Kind == ItemKinds.Api).Select(l => l.Key).ToList();
        var titles = await db.Datasets.AsNoTracking().Where(d => slugs.Contains(d.Slug) && d.IsPublished).ToDictionaryAsync(d => d.Slug, d => d.Title, ct);
        var apiNames = await apis.NamesAsync(codes, ct);
        long? calls = e.DeveloperAppId is { } appId ? await db.ApiCallLogs.LongCountAsync(c => c.AppId == appId, ct) : null;
        var images = r.Images.OrderBy(i => i.Order).Select(i => new ScreenshotDto(ShowcaseLabels.ImageUrl(i.Hash), ShowcaseLabels.ImageUrl(i.ThumbHash), i.Alt, i.Width, i.Height)).ToList();
        return new AppDetailDto(e.Id, r.Name, ShowcaseLabels.Code(r.Type), ShowcaseLabels.Label(r.Type), r.DomainId, domain,
            r.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), r.TeamName, r.TeamContact, r.Summary,
            r.Url, r.EmbedCode, r.FileName, r.FileSize, slugs, codes, images.Select(i => i.Url).ToList(),
            slugs.Where(titles.ContainsKey).Select(s => new LinkedItemDto(s, titles[s])).ToList(),
            codes.Where(apiNames.ContainsKey).Select(c => new LinkedItemDto(c, apiNames[c])).ToList(), images,
            e.ViewCount, e.DownloadCount, e.RatingAverage, e.RatingCount, e.IsDemo, e.PublishedAt, e.DeveloperAppId, calls);
    }
}
