using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure.Auditing;

namespace OpenData.Web.Features.Admin.Catalog;

public sealed record DepartmentRow(int Id, string Code, string Name, string ShortName, string Contact, int SortOrder, bool Retired, int Datasets, int Users);
public sealed record DomainRow(int Id, string Name, string Icon, int SortOrder, bool Retired, int Datasets);

/// <summary>Departments and domains: create, edit, merge (datasets and users move to the target) and retire (hidden
/// from filters and forms, datasets stay visible). System administrators only; every change audited.</summary>
public sealed partial class ReferenceAdmin(PortalDbContext db, AuditLog audit, TimeProvider clock, DatasetSearch search)
{
    [GeneratedRegex("^[a-z][a-z0-9]{1,19}$")] private static partial Regex CodeRegex();

    public async Task<List<DepartmentRow>?> DepartmentsAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        !BackOfficeAccess.IsAdmin(user) ? null : await db.Departments.AsNoTracking().OrderBy(d => d.IsRetired).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new DepartmentRow(d.Id, d.Code, d.Name, d.ShortName, d.Contact, d.SortOrder, d.IsRetired,
                db.Datasets.Count(x => x.DepartmentId == d.Id), db.Users.Count(u => u.DepartmentId == d.Id))).ToListAsync(ct);

    public async Task<List<DomainRow>?> DomainsAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        !BackOfficeAccess.IsAdmin(user) ? null : await db.Domains.AsNoTracking().OrderBy(d => d.IsRetired).ThenBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new DomainRow(d.Id, d.Name, d.Icon, d.SortOrder, d.IsRetired, db.Datasets.Count(x => x.DomainId == d.Id))).ToListAsync(ct);

    /// <summary>Creates (id 0) or edits a department; returns an error message or null.</summary>
    public async Task<string?> SaveDepartmentAsync(DepartmentRow input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!BackOfficeAccess.IsAdmin(user)) return "无权操作";
        var code = input.Code.Trim().ToLowerInvariant();
        var name = input.Name.Trim();
        if (!CodeRegex().IsMatch(code)) return "部门代码为 2–20 位小写字母或数字，以字母开头（如 sthjj）";
        if (name.Length is 0 or > 100) return "请填写部门名称（不超过 100 字）";
        if (await db.Departments.AnyAsync(d => d.Code == code && d.Id != input.Id, ct)) return "部门代码已存在";
        var d = input.Id == 0 ? null : await db.Departments.FindAsync([input.Id], ct);
        if (input.Id != 0 && d is null) return "部门不存在";
        if (d is null) db.Departments.Add(d = new Department());
        d.Code = code; d.Name = name; d.ShortName = input.ShortName.Trim(); d.Contact = input.Contact.Trim();
        d.SortOrder = input.SortOrder; d.IsRetired = input.Retired;
        await db.SaveChangesAsync(ct);
        await TouchDatasetsAsync(db.Datasets.Where(x => x.DepartmentId == d.Id), ct);
        await search.ReindexAsync(db.Datasets.Where(x => x.DepartmentId == d.Id), ct);
        await audit.WriteAsync(AuditActions.DepartmentSaved, $"department:{code}", $"{name}{(d.IsRetired ? "（已撤销）" : "")}", ct: ct);
        return null;
    }

    public async Task<string?> SaveDomainAsync(DomainRow input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!BackOfficeAccess.IsAdmin(user)) return "无权操作";
        var name = input.Name.Trim();
        if (name.Length is 0 or > 50) return "请填写领域名称（不超过 50 字）";
        if (input.Id <= 0) return "请填写领域编号（正整数，浙江省统一编号）";
        var d = await db.Domains.FindAsync([input.Id], ct);
        if (d is null) db.Domains.Add(d = new Domain { Id = input.Id });
        d.Name = name; d.Icon = input.Icon.Trim(); d.SortOrder = input.SortOrder; d.IsRetired = input.Retired;
        await db.SaveChangesAsync(ct);
        await TouchDatasetsAsync(db.Datasets.Where(x => x.DomainId == d.Id), ct);
        await search.ReindexAsync(db.Datasets.Where(x => x.DomainId == d.Id), ct);
        await audit.WriteAsync(AuditActions.DomainSaved, $"domain:{d.Id}", $"{name}{(d.IsRetired ? "（已撤销）" : "")}", ct: ct);
        return null;
    }

    /// <summary>Moves every dataset and user of the source department to the target, then retires the source.</summary>
    public async Task<string?> MergeDepartmentAsync(int sourceId, int targetId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!BackOfficeAccess.IsAdmin(user)) return "无权操作";
        if (sourceId == targetId) return "请选择另一个部门作为合并目标";
        var source = await db.Departments.FindAsync([sourceId], ct);
        var target = await db.Departments.FindAsync([targetId], ct);
        if (source is null || target is null || target.IsRetired) return "部门不存在或目标部门已撤销";
        var moved = await TouchDatasetsAsync(db.Datasets.Where(x => x.DepartmentId == sourceId), ct, x => x.SetProperty(d => d.DepartmentId, targetId));
        var users = await db.Users.Where(u => u.DepartmentId == sourceId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DepartmentId, targetId), ct);
        source.IsRetired = true;
        await db.SaveChangesAsync(ct);
        await search.ReindexAsync(db.Datasets.Where(x => x.DepartmentId == targetId), ct);
        await audit.WriteAsync(AuditActions.DepartmentMerged, $"department:{source.Code}", $"并入 {target.Code}：数据集 {moved} 个，用户 {users} 个", ct: ct);
        return null;
    }

    public async Task<string?> MergeDomainAsync(int sourceId, int targetId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!BackOfficeAccess.IsAdmin(user)) return "无权操作";
        if (sourceId == targetId) return "请选择另一个领域作为合并目标";
        var source = await db.Domains.FindAsync([sourceId], ct);
        var target = await db.Domains.FindAsync([targetId], ct);
        if (source is null || target is null || target.IsRetired) return "领域不存在或目标领域已撤销";
        var moved = await TouchDatasetsAsync(db.Datasets.Where(x => x.DomainId == sourceId), ct, x => x.SetProperty(d => d.DomainId, targetId));
        source.IsRetired = true;
        await db.SaveChangesAsync(ct);
        await search.ReindexAsync(db.Datasets.Where(x => x.DomainId == targetId), ct);
        await audit.WriteAsync(AuditActions.DomainMerged, $"domain:{source.Id}", $"并入 {target.Id} {target.Name}：数据集 {moved} 个", ct: ct);
        return null;
    }

    /// <summary>Bumps UpdatedAt of the affected datasets: the catalog's facet cache is keyed on it, so facets refresh.</summary>
    private Task<int> TouchDatasetsAsync(IQueryable<Dataset> q, CancellationToken ct,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Dataset>>? more = null)
    {
        var now = clock.GetUtcNow();
        return q.ExecuteUpdateAsync(s => { s.SetProperty(d => d.UpdatedAt, now); more?.Invoke(s); }, ct);
    }
}
