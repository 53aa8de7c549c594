using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Auditing;

namespace OpenData.Web.Features.Interaction;

public sealed class DataRequestInput
{
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string WantedFields { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string? Department { get; set; }
    public int? Domain { get; set; }
}

public sealed record DataRequestDto(long Id, string UserName, string Title, string Description, string WantedFields, string Purpose,
    string? DepartmentCode, string? DepartmentName, int? DomainId, string? DomainName, DataRequestStatus Status, string? Reply,
    string? DatasetSlug, int Votes, DateTimeOffset CreatedAt, DateTimeOffset? RepliedAt);

public sealed record DataRequestFilter(DataRequestStatus? Status, string? Department, int? Domain, int Page = 1, int PageSize = 20);

/// <summary>数据请求: asked by users, +1'd by others, answered publicly by the department.</summary>
public sealed class DataRequests(PortalDbContext db, Notifier notifier, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> SubmitAsync(DataRequestInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (InteractionAccess.UserId(user) is not { } uid) return Outcome.Forbidden("请先登录再提交数据请求");
        var error = InteractionAccess.CheckText(input.Title, "标题", 100) ?? InteractionAccess.CheckText(input.Description, "需求描述", 2000)
            ?? InteractionAccess.CheckText(input.WantedFields, "需要的数据项", 500, required: false)
            ?? InteractionAccess.CheckText(input.Purpose, "用途", 500);
        if (error is not null) return Outcome.Invalid(error);
        var dept = string.IsNullOrWhiteSpace(input.Department) ? null : input.Department.Trim();
        if (dept is not null && !await db.Departments.AnyAsync(d => d.Code == dept, ct)) return Outcome.Invalid("请选择有效的部门");
        if (input.Domain is { } dom && !await db.Domains.AnyAsync(d => d.Id == dom, ct)) return Outcome.Invalid("请选择有效的领域");
        var r = new DataRequest
        {
            UserId = uid, UserName = user.Identity?.Name ?? "", Title = input.Title.Trim(), Description = input.Description.Trim(),
            WantedFields = input.WantedFields?.Trim() ?? "", Purpose = input.Purpose.Trim(), DepartmentCode = dept, DomainId = input.Domain,
            Status = DataRequestStatus.Pending, CreatedAt = clock.GetUtcNow(),
        };
        db.DataRequests.Add(r);
        await db.SaveChangesAsync(ct);
        return Outcome.Success("数据请求已提交", r.Id);
    }

    public async Task<Outcome> VoteAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (InteractionAccess.UserId(user) is not { } uid) return Outcome.Forbidden("请先登录再 +1");
        if (!await db.DataRequests.AnyAsync(r => r.Id == id, ct)) return Outcome.NotFound();
        if (await db.DataRequestVotes.AnyAsync(v => v.RequestId == id && v.UserId == uid, ct)) return Outcome.Conflict("您已经支持过这个请求了，每人只能 +1 一次");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.DataRequestVotes.Add(new DataRequestVote { RequestId = id, UserId = uid, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        await db.DataRequests.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Votes, r => r.Votes + 1), ct);
        await tx.CommitAsync(ct);
        return Outcome.Success("已记录您的支持");
    }

    /// <summary>The department's public answer. A request without a department is answered by administrators.</summary>
    public async Task<Outcome> AnswerAsync(long id, string? status, string? reply, string? datasetSlug, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var r = await db.DataRequests.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return Outcome.NotFound();
        if (!InteractionAccess.CanHandle(user, r.DepartmentCode)) return Outcome.Forbidden("只有被请求的部门可以答复");
        if (!Enum.TryParse<DataRequestStatus>(status, out var s) || !Enum.IsDefined(s)) return Outcome.Invalid("请选择答复状态");
        if (InteractionAccess.CheckText(reply, "答复", 1000, required: s != DataRequestStatus.Accepted) is { } e) return Outcome.Invalid(e);
        string? slug = null;
        if (s == DataRequestStatus.Opened)
        {
            slug = datasetSlug?.Trim();
            if (string.IsNullOrEmpty(slug) || !await db.Datasets.AnyAsync(d => d.Slug == slug && d.IsPublished, ct))
                return Outcome.Invalid("“已开放”需要填写已发布数据集的标识（slug）");
        }
        r.Status = s;
        r.Reply = string.IsNullOrWhiteSpace(reply) ? null : reply.Trim();
        r.DatasetSlug = slug;
        r.RepliedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("data-request.answered", $"data-request:{id}", Labels.Status(s), ct: ct);
        await notifier.NotifyAsync(r.UserId, "数据请求", $"您的数据请求“{r.Title}”：{Labels.Status(s)}", r.Reply ?? Labels.Status(s),
            $"/interact/requests/{r.Id}", ct);
        return Outcome.Success("答复已公开发布");
    }

    public async Task<(List<DataRequestDto> Items, int Total)> ListAsync(DataRequestFilter f, CancellationToken ct = default)
    {
        var q = db.DataRequests.AsNoTracking();
        if (f.Status is { } s) q = q.Where(r => r.Status == s);
        if (!string.IsNullOrEmpty(f.Department)) q = q.Where(r => r.DepartmentCode == f.Department);
        if (f.Domain is { } d) q = q.Where(r => r.DomainId == d);
        var total = await q.CountAsync(ct);
        var items = await Project(q.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip((Math.Max(1, f.Page) - 1) * f.PageSize).Take(f.PageSize)).ToListAsync(ct);
        return (items, total);
    }

    public Task<DataRequestDto?> FindAsync(long id, CancellationToken ct = default) =>
        Project(db.DataRequests.AsNoTracking().Where(r => r.Id == id)).FirstOrDefaultAsync(ct);

    private IQueryable<DataRequestDto> Project(IQueryable<DataRequest> q) => q.Select(r => new DataRequestDto(r.Id, r.UserName, r.Title,
        r.Description, r.WantedFields, r.Purpose, r.DepartmentCode,
        db.Departments.Where(d => d.Code == r.DepartmentCode).Select(d => d.Name).FirstOrDefault(), r.DomainId,
        db.Domains.Where(d => d.Id == r.DomainId).Select(d => d.Name).FirstOrDefault(), r.Status, r.Reply, r.DatasetSlug, r.Votes,
        r.CreatedAt, r.RepliedAt));
}
