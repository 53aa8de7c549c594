using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Auditing;

namespace OpenData.Web.Features.Interaction;

public sealed record CommentDto(long Id, string ItemKind, string ItemKey, string UserName, string Body, CommentStatus Status,
    string? HeldReason, DateTimeOffset CreatedAt, string? Reply, string? ReplyDepartment, DateTimeOffset? RepliedAt);

/// <summary>评论: held for review when it contains a sensitive word; admins hide and restore; the department replies.</summary>
public sealed class CommentCommands(PortalDbContext db, InteractionItems items, InteractionSettings settings, Notifier notifier,
    AuditLog audit, TimeProvider clock)
{
    public const int MaxLength = 500;

    public async Task<Outcome> AddAsync(string kind, string key, string? body, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (InteractionAccess.UserId(user) is not { } uid) return Outcome.Forbidden("请先登录再发表评论");
        if (InteractionAccess.CheckText(body, "评论内容", MaxLength) is { } error) return Outcome.Invalid(error);
        if (await items.ResolveAsync(kind, key, ct) is not { } item) return Outcome.NotFound();
        var text = body!.Trim();
        var word = await settings.FindSensitiveWordAsync(text, ct);
        var c = new Comment
        {
            ItemKind = kind, ItemKey = key, DepartmentCode = item.DepartmentCode, UserId = uid, UserName = user.Identity?.Name ?? "",
            Body = text, Status = word is null ? CommentStatus.Visible : CommentStatus.Held, HeldReason = word is null ? null : $"含敏感词“{word}”",
            CreatedAt = clock.GetUtcNow(),
        };
        db.Comments.Add(c);
        await db.SaveChangesAsync(ct);
        return Outcome.Success(word is null ? "评论已发表" : "评论已提交，需经管理员审核后显示", c.Id);
    }

    /// <summary>The item's visible comments, newest first, one page at a time.</summary>
    public Task<Paged<CommentDto>> PublicAsync(string kind, string key, int page = 1, int size = Paging.DefaultSize, CancellationToken ct = default) =>
        Paging.PageAsync(Project(db.Comments.AsNoTracking().Where(c => c.ItemKind == kind && c.ItemKey == key && c.Status == CommentStatus.Visible)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)), page, size, ct);

    /// <summary>Comments waiting for an administrator (held) or already hidden, oldest first, a page at a time.</summary>
    public async Task<Paged<CommentDto>> ModerationAsync(ClaimsPrincipal user, int page = 1, CancellationToken ct = default) =>
        !InteractionAccess.IsReviewer(user) ? Paged<CommentDto>.Empty :
        await Paging.PageAsync(Project(db.Comments.AsNoTracking().Where(c => c.Status != CommentStatus.Visible)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)), page, Paging.DefaultSize, ct);

    /// <summary>Hide (visible → hidden) or restore/approve (held or hidden → visible): administrators only.</summary>
    public async Task<Outcome> SetVisibleAsync(long id, bool visible, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!InteractionAccess.IsReviewer(user)) return Outcome.Forbidden();
        var c = await db.Comments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Outcome.NotFound();
        c.Status = visible ? CommentStatus.Visible : CommentStatus.Hidden;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(visible ? "comment.restored" : "comment.hidden", $"comment:{id}", c.Body, ct: ct);
        return Outcome.Success(visible ? "评论已恢复显示" : "评论已隐藏");
    }

    /// <summary>The department's reply, shown under the comment as 部门回复; the commenter is notified.</summary>
    public async Task<Outcome> ReplyAsync(long id, string? reply, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var c = await db.Comments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return Outcome.NotFound();
        if (!InteractionAccess.CanHandle(user, c.DepartmentCode)) return Outcome.Forbidden("只有该数据的提供部门可以回复");
        if (InteractionAccess.CheckText(reply, "回复内容", MaxLength) is { } error) return Outcome.Invalid(error);
        var item = await items.ResolveAsync(c.ItemKind, c.ItemKey, ct);
        c.Reply = reply!.Trim();
        c.ReplyDepartment = item?.DepartmentName ?? c.DepartmentCode;
        c.RepliedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await notifier.NotifyAsync(c.UserId, "评论回复", $"{c.ReplyDepartment}回复了您的评论",
            $"您对“{item?.Title ?? c.ItemKey}”的评论收到回复：{Short(c.Reply)}", item?.Link, ct);
        return Outcome.Success("回复已发布");
    }

    internal static IQueryable<CommentDto> Project(IQueryable<Comment> q) => q.Select(c => new CommentDto(c.Id, c.ItemKind, c.ItemKey,
        c.UserName, c.Body, c.Status, c.HeldReason, c.CreatedAt, c.Reply, c.ReplyDepartment, c.RepliedAt));

    internal static string Short(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
