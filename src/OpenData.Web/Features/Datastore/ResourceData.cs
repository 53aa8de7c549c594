using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Features.Datastore.Querying;

namespace OpenData.Web.Features.Datastore;

/// <summary>Where a request for a resource's rows ended: the table, or a problem (status, code, Chinese message).</summary>
public sealed record ResourceAccess(ResourceTable? Table, string? DatasetTitle, string? ResourceName, int Status, string? Code, string? Message)
{
    public bool Ok => Table is not null;
    /// <summary>Access through a grant of some fields only: a file served whole (GeoJSON) would show them all.</summary>
    public bool Partial { get; init; }
}

/// <summary>
/// Preview, profile and analysis of a resource's served table, for the pages and the JSON API alike.
/// Open data is public; 有条件开放 data needs the dataset's provider, an administrator or a grant.
/// </summary>
public sealed class ResourceData(PortalDbContext db, IResourceTables tables, IDatasetGrants grants, DatastoreReader reader, DatastoreAnalysis analysis,
    Infrastructure.Auditing.AuditLog audit)
{
    public async Task<ResourceAccess> OpenAsync(string slug, int resourceId, int? version, ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await db.Datasets.AsNoTracking().Where(x => x.Slug == slug)
            .Select(x => new { x.Id, x.Title, x.IsPublished, x.OpenCondition, Org = x.Department!.Code }).FirstOrDefaultAsync(ct);
        var manager = d is not null && DatasetAccess.CanManage(user, d.Org);
        if (d is null || (!d.IsPublished && !manager)) return Problem(404, "not-found", "数据集不存在或尚未发布");
        var name = await db.Resources.AsNoTracking().Where(r => r.Id == resourceId && r.DatasetId == d.Id).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (name is null) return Problem(404, "not-found", "数据文件不存在");
        var scope = GrantScope.All;
        if (d.OpenCondition == OpenCondition.Restricted && !manager)
        {
            var userId = DatasetAccess.UserId(user);
            if (user.Identity?.IsAuthenticated != true || userId is null)
                return new(null, d.Title, name, 401, "login-required", "该数据为有条件开放数据，请登录并申请获批后查看");
            var granted = await grants.UserScopeAsync(userId, d.Id, ct);
            // Every use of 有条件开放 rows by a grantee is in the audit log, like its downloads.
            await audit.WriteAsync(DatasetAuditActions.RestrictedRead, $"dataset:{slug}", name, succeeded: granted is not null, ct: ct);
            if (granted is null)
                return new(null, d.Title, name, 403, "restricted", "该数据为有条件开放数据，需提交申请并获批准后方可查看");
            scope = granted;
        }
        var table = version is { } n ? await tables.VersionAsync(resourceId, n, ct) : await tables.CurrentAsync(resourceId, ct);
        // A grant of some fields serves those columns only, on every route that reads through here.
        return table is null
            ? new(null, d.Title, name, 404, "no-table", "该文件没有可预览的数据表（非表格文件，或数据仍在处理中）") { Partial = !scope.IsAll }
            : new(table.Within(scope), d.Title, name, 200, null, null) { Partial = !scope.IsAll };
    }

    /// <summary>Units of the dataset's field dictionary by field name (only fields that have one), for chart axes.</summary>
    public async Task<Dictionary<string, string>> FieldUnitsAsync(string slug, CancellationToken ct) =>
        (await db.DatasetFields.AsNoTracking().Where(f => f.Unit != "" && db.Datasets.Any(d => d.Id == f.DatasetId && d.Slug == slug))
            .Select(f => new { f.Name, f.Unit }).ToListAsync(ct))
        .DistinctBy(f => f.Name).ToDictionary(f => f.Name, f => f.Unit);

    /// <summary>The dataset's resources whose current version has a table, for the pages' resource switch.</summary>
    public async Task<List<(int Id, string Name)>> TabularResourcesAsync(string slug, CancellationToken ct) =>
        (await db.ResourceVersions.AsNoTracking()
            .Where(v => v.Resource!.Dataset!.Slug == slug && v.Number == v.Resource.CurrentVersion && v.TableName != null)
            .OrderBy(v => v.ResourceId).Select(v => new { v.ResourceId, v.Resource!.Name }).ToListAsync(ct))
        .Select(x => (x.ResourceId, x.Name)).ToList();

    /// <summary>Without filters the total is the stored row count: no COUNT(*) over a million rows per page view.</summary>
    public async Task<RowPage> RowsAsync(ResourceTable t, RowQuery q, CancellationToken ct)
    {
        t.Refuse(q);
        if (q.Filters.Count > 0 || !q.IncludeTotal) return await reader.QueryAsync(t.TableName, t.Columns, q, ct);
        var page = await reader.QueryAsync(t.TableName, t.Columns, q with { IncludeTotal = false }, ct);
        return page with { Total = t.RowCount };
    }

    public Task<IReadOnlyList<ColumnProfile>> ProfileAsync(ResourceTable t, CancellationToken ct) => analysis.ProfileAsync(t.TableName, t.Columns, ct);

    public Task<IReadOnlyList<AggregateRow>> AggregateAsync(ResourceTable t, AggregateQuery q, CancellationToken ct)
    {
        t.Refuse(q);
        return analysis.AggregateAsync(t.TableName, t.Columns, q, ct);
    }

    public IAsyncEnumerable<object?[]> StreamAsync(ResourceTable t, IReadOnlyList<FieldFilter> filters, CancellationToken ct)
    {
        t.Refuse(filters.Select(f => f.Field));
        return reader.StreamAsync(t.TableName, t.Columns, filters, [], ct);
    }

    private static ResourceAccess Problem(int status, string code, string message) => new(null, null, null, status, code, message);
}
