using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Admin;
using OpenData.Web.Features.Interaction;
using OpenData.Web.Infrastructure.Auditing;
using static OpenData.Web.Features.News.NewsOutcomes;

namespace OpenData.Web.Features.News;

/// <summary>
/// An administrator writes, publishes (now or at a set time) and unpublishes articles. The body is kept as
/// Markdown and sanitized whenever it is shown, so a change to the sanitizer's rules also covers old articles.
/// Every action is in the audit log.
/// </summary>
public sealed class NewsCommands(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> SaveAsync(int? id, NewsInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!BackOfficeAccess.IsAdmin(user)) return Outcome.Forbidden(OnlyAdmins);
        // Form and JSON binding leave absent fields null despite the initializers.
        input.Title ??= ""; input.Category ??= ""; input.Summary ??= ""; input.Body ??= ""; input.Source ??= "";
        if (Validate(input) is { } problem) return Outcome.Invalid(problem);
        var now = clock.GetUtcNow();
        NewsArticle? a;
        if (id is { } existing)
        {
            a = await db.NewsArticles.FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (a is null) return Outcome.NotFound("文章不存在。");
        }
        else
        {
            a = new NewsArticle { CreatedAt = now, AuthorName = user.Identity?.Name ?? "" };
            db.NewsArticles.Add(a);
        }
        a.Title = input.Title.Trim();
        a.Category = NewsCategories.Parse(input.Category)!.Value;
        a.Summary = input.Summary.Trim();
        a.Body = input.Body;
        a.Source = input.Source.Trim();
        a.UpdatedAt = now;
        var wasPublished = a.IsPublished;
        if (input.Publish)
        {
            a.IsPublished = true;
            // A date given is kept (a future one schedules the article); otherwise its first publication date, or now.
            a.PublishAt = input.PublishAt ?? (wasPublished ? a.PublishAt ?? now : now);
        }
        else
        {
            a.IsPublished = false;
            a.PublishAt = input.PublishAt;
        }
        await db.SaveChangesAsync(ct);
        var action = id is null ? NewsAudit.Created : NewsAudit.Updated;
        await audit.WriteAsync(action, Target(a), $"{NewsCategories.Label(a.Category)}：{a.Title}", ct: ct);
        if (a.IsPublished && !wasPublished)
            await audit.WriteAsync(a.PublishAt > now ? NewsAudit.Scheduled : NewsAudit.Published, Target(a), $"发布时间 {a.PublishAt:O}", ct: ct);
        if (!a.IsPublished && wasPublished)
            await audit.WriteAsync(NewsAudit.Unpublished, Target(a), a.Title, ct: ct);
        return Done(a.Id, a.IsPublished ? (a.PublishAt > now ? "已保存，将按设定时间发布。" : "已发布。") : "已保存为草稿。");
    }

    /// <summary>Publishes now (or keeps a scheduled date), or takes the article off the public pages.</summary>
    public async Task<Outcome> SetPublishedAsync(int id, bool publish, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!BackOfficeAccess.IsAdmin(user)) return Outcome.Forbidden(OnlyAdmins);
        var a = await db.NewsArticles.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return Outcome.NotFound("文章不存在。");
        if (a.IsPublished == publish) return Done(a.Id, publish ? "文章已是发布状态。" : "文章已下线。");
        var now = clock.GetUtcNow();
        a.IsPublished = publish;
        if (publish && (a.PublishAt is null || a.PublishAt <= now)) a.PublishAt = now;
        a.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(publish ? NewsAudit.Published : NewsAudit.Unpublished, Target(a), a.Title, ct: ct);
        return Done(a.Id, publish ? "已发布。" : "已下线，公众不再能看到这篇文章。");
    }

    internal static string? Validate(NewsInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > 200) return "请填写标题（不超过 200 字）。";
        if (NewsCategories.Parse(input.Category) is null)
            return "请选择栏目：" + string.Join("、", NewsCategories.All.Select(NewsCategories.Label)) + "。";
        if (input.Summary.Trim().Length > 500) return "摘要不超过 500 字。";
        if (string.IsNullOrWhiteSpace(input.Body)) return "请填写正文。";
        if (input.Body.Length > 100_000) return "正文过长（不超过 10 万字）。";
        if (input.Source.Trim().Length > 100) return "来源不超过 100 字。";
        return null;
    }

    internal static string Target(NewsArticle a) => $"news:{a.Id}";
}

/// <summary>Stable audit action names of 政策动态.</summary>
public static class NewsAudit
{
    public const string Created = "news.created";
    public const string Updated = "news.updated";
    public const string Published = "news.published";
    public const string Scheduled = "news.scheduled";
    public const string Unpublished = "news.unpublished";
    public const string AttachmentAdded = "news.attachment-added";
    public const string AttachmentRemoved = "news.attachment-removed";
    public const string AttachmentRefused = "news.attachment-refused";
}

internal static class NewsOutcomes
{
    public const string OnlyAdmins = "只有平台管理员可以管理政策动态。";
    public static Outcome Done(int id, string message) => Outcome.Success(message, id);
}
