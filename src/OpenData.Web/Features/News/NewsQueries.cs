using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Admin;
using OpenData.Web.Features.Interaction;
using OpenData.Web.Infrastructure.Text;

namespace OpenData.Web.Features.News;

/// <summary>
/// Reads of 政策动态 for the pages, the JSON API and the feeds. The public sees an article only when it is
/// published and its publication time has come, so a scheduled article appears without any job running.
/// </summary>
public sealed class NewsQueries(PortalDbContext db, TimeProvider clock, SafeMarkdown markdown)
{
    private IQueryable<NewsArticle> Visible()
    {
        var now = clock.GetUtcNow();
        return db.NewsArticles.AsNoTracking().Where(a => a.IsPublished && a.PublishAt != null && a.PublishAt <= now);
    }

    public async Task<Interaction.Paged<NewsListItem>> ListAsync(NewsCategory? category, string? q, int page, int pageSize, CancellationToken ct)
    {
        var query = Visible();
        if (category is { } c) query = query.Where(a => a.Category == c);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(a => a.Title.Contains(term) || a.Summary.Contains(term) || a.Body.Contains(term));
        }
        var ordered = query.OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Title, a.Category, a.Summary, a.Source, a.PublishAt, a.IsDemo, Files = a.Attachments.Count });
        var p = await Paging.PageAsync(ordered, page, pageSize, ct);
        return new Interaction.Paged<NewsListItem>(p.Items.Select(a => new NewsListItem(a.Id, a.Title, a.Category, NewsCategories.Label(a.Category),
            a.Summary, a.Source, a.PublishAt, a.IsDemo, a.Files)).ToList(), p.Total, p.Page, p.PageSize);
    }

    public async Task<IReadOnlyList<NewsListItem>> LatestAsync(int count, CancellationToken ct) =>
        (await ListAsync(null, null, 1, count, ct)).Items;

    /// <summary>A published article with its neighbours in the same category; an administrator also sees drafts.</summary>
    public async Task<NewsDetail?> FindAsync(int id, ClaimsPrincipal? user, CancellationToken ct)
    {
        var source = user is not null && BackOfficeAccess.IsAdmin(user) ? db.NewsArticles.AsNoTracking() : Visible();
        var a = await source.Include(x => x.Attachments).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        NewsNeighbour? previous = null, next = null;
        if (a.IsPublished && a.PublishAt is { } at)
        {
            var same = Visible().Where(x => x.Category == a.Category);
            previous = await same.Where(x => x.PublishAt < at || (x.PublishAt == at && x.Id < a.Id))
                .OrderByDescending(x => x.PublishAt).ThenByDescending(x => x.Id).Select(x => new NewsNeighbour(x.Id, x.Title)).FirstOrDefaultAsync(ct);
            next = await same.Where(x => x.PublishAt > at || (x.PublishAt == at && x.Id > a.Id))
                .OrderBy(x => x.PublishAt).ThenBy(x => x.Id).Select(x => new NewsNeighbour(x.Id, x.Title)).FirstOrDefaultAsync(ct);
        }
        var files = a.Attachments.OrderBy(f => f.Id).Select(f => new NewsAttachmentDto(f.Id, f.FileName, f.Size, AttachmentUrl(a.Id, f.Id))).ToList();
        return new NewsDetail(a.Id, a.Title, a.Category, NewsCategories.Label(a.Category), a.Summary, a.Body, markdown.ToHtml(a.Body),
            a.Source, a.IsPublished ? a.PublishAt : null, a.IsDemo, files, previous, next);
    }

    /// <summary>An attachment of an article the caller may see.</summary>
    public async Task<NewsAttachment?> AttachmentAsync(int articleId, int attachmentId, ClaimsPrincipal user, CancellationToken ct)
    {
        var source = BackOfficeAccess.IsAdmin(user) ? db.NewsArticles.AsNoTracking() : Visible();
        if (!await source.AnyAsync(a => a.Id == articleId, ct)) return null;
        return await db.NewsAttachments.AsNoTracking().FirstOrDefaultAsync(f => f.Id == attachmentId && f.ArticleId == articleId, ct);
    }

    /// <summary>Every article, newest edit first, for the back office; null for anyone but an administrator.</summary>
    public async Task<Interaction.Paged<NewsAdminItem>?> AdminListAsync(ClaimsPrincipal user, int page, CancellationToken ct)
    {
        if (!BackOfficeAccess.IsAdmin(user)) return null;
        var ordered = db.NewsArticles.AsNoTracking().OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Title, a.Category, a.IsPublished, a.PublishAt, a.UpdatedAt, a.AuthorName, a.IsDemo });
        var p = await Paging.PageAsync(ordered, page, Paging.DefaultSize, ct);
        return new Interaction.Paged<NewsAdminItem>(p.Items.Select(a => new NewsAdminItem(a.Id, a.Title, NewsCategories.Label(a.Category), a.IsPublished,
            a.PublishAt, a.UpdatedAt, a.AuthorName, a.IsDemo)).ToList(), p.Total, p.Page, p.PageSize);
    }

    /// <summary>The article as stored, for the editor.</summary>
    public Task<NewsArticle?> ForEditAsync(int id, ClaimsPrincipal user, CancellationToken ct) =>
        BackOfficeAccess.IsAdmin(user)
            ? db.NewsArticles.AsNoTracking().Include(a => a.Attachments).FirstOrDefaultAsync(a => a.Id == id, ct)
            : Task.FromResult<NewsArticle?>(null);

    public static string AttachmentUrl(int articleId, int attachmentId) => $"/news/{articleId}/attachments/{attachmentId}";
}
