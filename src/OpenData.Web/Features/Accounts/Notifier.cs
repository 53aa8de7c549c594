using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Accounts;

public sealed record MessageDto(long Id, string Category, string Title, string Body, string? Link, DateTimeOffset CreatedAt, bool IsRead);

/// <summary>站内消息: the one service every feature calls to tell a user something.</summary>
public sealed class Notifier(PortalDbContext db, TimeProvider clock)
{
    public async Task NotifyAsync(string userId, string category, string title, string body, string? link = null, CancellationToken ct = default)
    {
        db.Messages.Add(new Message
        {
            UserId = userId, Category = category, Title = title, Body = body, Link = link, CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }

    public Task<int> UnreadCountAsync(string userId, CancellationToken ct = default) =>
        db.Messages.CountAsync(m => m.UserId == userId && m.ReadAt == null, ct);

    public async Task<(List<MessageDto> Items, int Total)> ListAsync(string userId, bool unreadOnly, int page, int pageSize, CancellationToken ct = default)
    {
        var q = db.Messages.AsNoTracking().Where(m => m.UserId == userId);
        if (unreadOnly) q = q.Where(m => m.ReadAt == null);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((Math.Max(page, 1) - 1) * pageSize).Take(pageSize)
            .Select(m => new MessageDto(m.Id, m.Category, m.Title, m.Body, m.Link, m.CreatedAt, m.ReadAt != null))
            .ToListAsync(ct);
        return (items, total);
    }

    /// <summary>Marks one message (or all when id is null) read; only the owner's messages are touched.</summary>
    public Task<int> MarkReadAsync(string userId, long? id, CancellationToken ct = default) =>
        db.Messages.Where(m => m.UserId == userId && m.ReadAt == null && (id == null || m.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, clock.GetUtcNow()), ct);

    public Task<bool> OwnsAsync(string userId, long id, CancellationToken ct = default) =>
        db.Messages.AnyAsync(m => m.Id == id && m.UserId == userId, ct);
}
