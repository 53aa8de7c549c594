using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;

namespace OpenData.Web.Features.Interaction;

public sealed record FeedbackDto(long Id, string UserName, string Title, string Body, string? Reply, DateTimeOffset CreatedAt, DateTimeOffset? RepliedAt);

/// <summary>建议反馈: public suggestions and public replies by the platform (administrators).</summary>
public sealed class FeedbackBox(PortalDbContext db, Notifier notifier, TimeProvider clock)
{
    public async Task<Outcome> SubmitAsync(string? title, string? body, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (InteractionAccess.UserId(user) is not { } uid) return Outcome.Forbidden("请先登录再提交建议");
        if ((InteractionAccess.CheckText(title, "标题", 100) ?? InteractionAccess.CheckText(body, "建议内容", 2000)) is { } e) return Outcome.Invalid(e);
        var f = new Feedback { UserId = uid, UserName = user.Identity?.Name ?? "", Title = title!.Trim(), Body = body!.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Feedbacks.Add(f);
        await db.SaveChangesAsync(ct);
        return Outcome.Success("感谢您的建议，答复将公开在本页", f.Id);
    }

    public async Task<Outcome> ReplyAsync(long id, string? reply, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!InteractionAccess.IsAdmin(user)) return Outcome.Forbidden();
        if (InteractionAccess.CheckText(reply, "答复", 1000) is { } e) return Outcome.Invalid(e);
        var f = await db.Feedbacks.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null) return Outcome.NotFound();
        f.Reply = reply!.Trim();
        f.RepliedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await notifier.NotifyAsync(f.UserId, "建议反馈", $"您的建议“{f.Title}”已答复", CommentCommands.Short(f.Reply), "/interact/feedback", ct);
        return Outcome.Success("答复已发布");
    }

    public async Task<List<FeedbackDto>> ListAsync(int take = 50, CancellationToken ct = default) =>
        [.. (await PageAsync(1, take, ct)).Items];

    public Task<Paged<FeedbackDto>> PageAsync(int page = 1, int size = Paging.DefaultSize, CancellationToken ct = default) =>
        Paging.PageAsync(db.Feedbacks.AsNoTracking().OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id)
            .Select(f => new FeedbackDto(f.Id, f.UserName, f.Title, f.Body, f.Reply, f.CreatedAt, f.RepliedAt)), page, size, ct);

    /// <summary>Average hours from suggestion to reply over the replied ones (computed in memory: ticks differ per provider).</summary>
    public async Task<double?> AverageReplyHoursAsync(CancellationToken ct = default)
    {
        var pairs = await db.Feedbacks.AsNoTracking().Where(f => f.RepliedAt != null).OrderByDescending(f => f.RepliedAt).Take(500)
            .Select(f => new { f.CreatedAt, f.RepliedAt }).ToListAsync(ct);
        return pairs.Count == 0 ? null : pairs.Average(p => (p.RepliedAt!.Value - p.CreatedAt).TotalHours);
    }
}
