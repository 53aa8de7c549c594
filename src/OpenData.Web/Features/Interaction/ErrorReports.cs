using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Auditing;

namespace OpenData.Web.Features.Interaction;

public sealed record ErrorReportDto(long Id, string ItemKind, string ItemKey, string ItemTitle, string DepartmentCode, ErrorReportType Type,
    string Description, string? Location, ErrorReportStatus Status, string? Reply, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed class ErrorReportInput
{
    public string Type { get; set; } = "";
    public string Description { get; set; } = "";
    public string? Location { get; set; }
}

/// <summary>数据纠错: routed to the item's department; every status change is told to the reporter.</summary>
public sealed class ErrorReports(PortalDbContext db, InteractionItems items, Notifier notifier, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> SubmitAsync(string kind, string key, ErrorReportInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (InteractionAccess.UserId(user) is not { } uid) return Outcome.Forbidden("请先登录再提交纠错");
        if (!Enum.TryParse<ErrorReportType>(input.Type, out var type) || !Enum.IsDefined(type)) return Outcome.Invalid("请选择纠错类型");
        if (InteractionAccess.CheckText(input.Description, "问题描述", 2000) is { } e1) return Outcome.Invalid(e1);
        if (InteractionAccess.CheckText(input.Location, "出错的字段或行", 200, required: false) is { } e2) return Outcome.Invalid(e2);
        if (await items.ResolveAsync(kind, key, ct) is not { } item) return Outcome.NotFound();
        var now = clock.GetUtcNow();
        var r = new ErrorReport
        {
            ItemKind = kind, ItemKey = key, ItemTitle = item.Title, DepartmentCode = item.DepartmentCode, UserId = uid, Type = type,
            Description = input.Description.Trim(), Location = string.IsNullOrWhiteSpace(input.Location) ? null : input.Location.Trim(),
            Status = ErrorReportStatus.Pending, CreatedAt = now, UpdatedAt = now,
        };
        db.ErrorReports.Add(r);
        await db.SaveChangesAsync(ct);
        return Outcome.Success("纠错已提交，提供部门处理后会通过站内消息告知您", r.Id);
    }

    /// <summary>The department (or an admin) sets the status and replies; the reporter gets a message.</summary>
    public async Task<Outcome> HandleAsync(long id, string? status, string? reply, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var r = await db.ErrorReports.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return Outcome.NotFound();
        if (!InteractionAccess.CanHandle(user, r.DepartmentCode)) return Outcome.Forbidden("只有该数据的提供部门可以处理此纠错");
        if (!Enum.TryParse<ErrorReportStatus>(status, out var s) || !Enum.IsDefined(s)) return Outcome.Invalid("请选择处理状态");
        var needsReply = s is ErrorReportStatus.Fixed or ErrorReportStatus.Rejected;
        if (InteractionAccess.CheckText(reply, "答复", 1000, required: needsReply) is { } e) return Outcome.Invalid(e);
        r.Status = s;
        if (!string.IsNullOrWhiteSpace(reply)) r.Reply = reply.Trim();
        r.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("error-report.handled", $"error-report:{id}", $"{Labels.Status(s)} {r.Reply}", ct: ct);
        var link = ItemKinds.Link(r.ItemKind, r.ItemKey, "corrections");
        await notifier.NotifyAsync(r.UserId, "纠错处理", $"您的纠错“{r.ItemTitle}”状态：{Labels.Status(s)}",
            r.Reply is null ? $"处理状态已更新为“{Labels.Status(s)}”。" : $"处理状态已更新为“{Labels.Status(s)}”，答复：{CommentCommands.Short(r.Reply)}", link, ct);
        return Outcome.Success("处理结果已保存，已通知纠错人");
    }

    /// <summary>The public correction log of an item (the reporter's identity is not shown).</summary>
    public Task<Paged<ErrorReportDto>> PublicLogAsync(string kind, string key, int page = 1, int size = Paging.DefaultSize, CancellationToken ct = default) =>
        Paging.PageAsync(Project(db.ErrorReports.AsNoTracking().Where(r => r.ItemKind == kind && r.ItemKey == key)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)), page, size, ct);

    public async Task<Paged<ErrorReportDto>> MineAsync(ClaimsPrincipal user, int page = 1, int size = Paging.DefaultSize, CancellationToken ct = default) =>
        InteractionAccess.UserId(user) is not { } uid ? new Paged<ErrorReportDto>([], 0, 1, size) :
        await Paging.PageAsync(Project(db.ErrorReports.AsNoTracking().Where(r => r.UserId == uid)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)), page, size, ct);

    public Task<ErrorReportDto?> FindAsync(long id, CancellationToken ct = default) =>
        Project(db.ErrorReports.Where(r => r.Id == id)).FirstOrDefaultAsync(ct);

    internal static IQueryable<ErrorReportDto> Project(IQueryable<ErrorReport> q) => q.Select(r => new ErrorReportDto(r.Id, r.ItemKind, r.ItemKey,
        r.ItemTitle, r.DepartmentCode, r.Type, r.Description, r.Location, r.Status, r.Reply, r.CreatedAt, r.UpdatedAt));
}
