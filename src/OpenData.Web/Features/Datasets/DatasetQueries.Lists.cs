using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Datasets;

public sealed partial class DatasetQueries
{
    /// <summary>数据目录 by department: 数据资源名称, 数据单位, 目录发布时间, 信息项摘要.</summary>
    public async Task<CatalogResult> CatalogAsync(CatalogRequest r, CancellationToken ct = default)
    {
        var page = Math.Max(1, r.Page ?? 1);
        var size = Math.Clamp(r.PageSize ?? 30, 1, MaxPageSize);
        var q = db.Datasets.AsNoTracking().Where(d => d.IsPublished);
        if (search.Match(r.Q) is { } hits) q = q.Where(d => hits.Select(h => h.DatasetId).Contains(d.Id));
        var departments = await q.GroupBy(d => new { d.Department!.Code, d.Department.Name, d.Department.SortOrder })
            .Select(g => new { g.Key.Code, g.Key.Name, g.Key.SortOrder, Count = g.Count() }).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(r.Org)) q = q.Where(d => d.Department!.Code == r.Org);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(d => d.Department!.SortOrder).ThenByDescending(d => d.PublishedAt).ThenBy(d => d.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(d => new
            {
                d.Slug, d.Title, Org = d.Department!.Code, OrgName = d.Department.Name, Domain = d.Domain!.Name,
                d.OpenCondition, d.PublishedAt, Fields = d.Fields.OrderBy(f => f.Position).Select(f => f.Name).ToList(),
            }).ToListAsync(ct);
        return new CatalogResult(
            rows.Select(x => new CatalogEntryDto(x.Slug, x.Title, x.Org, x.OrgName, x.Domain, DatasetLabels.Label(x.OpenCondition),
                x.PublishedAt, x.Fields)).ToList(),
            total, page, size,
            departments.OrderBy(x => x.SortOrder).Select(x => new FacetValueDto(x.Code, x.Name, x.Count)).ToList());
    }

    public async Task<IReadOnlyList<OrganizationDto>> OrganizationsAsync(CancellationToken ct = default)
    {
        var counts = await db.Datasets.Where(d => d.IsPublished).GroupBy(d => d.DepartmentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var depts = await db.Departments.AsNoTracking().Where(d => !d.IsRetired).OrderBy(d => d.SortOrder).ToListAsync(ct);
        return depts.Select(d => new OrganizationDto(d.Code, d.Name, d.ShortName, counts.GetValueOrDefault(d.Id))).ToList();
    }

    public async Task<IReadOnlyList<DomainDto>> DomainsAsync(CancellationToken ct = default)
    {
        var counts = await db.Datasets.Where(d => d.IsPublished).GroupBy(d => d.DomainId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var domains = await db.Domains.AsNoTracking().Where(d => !d.IsRetired).OrderBy(d => d.SortOrder).ToListAsync(ct);
        return domains.Select(d => new DomainDto(d.Id, d.Name, d.Icon, counts.GetValueOrDefault(d.Id))).ToList();
    }

    /// <summary>The datasets a provider (own department) or admin (all) manages, including unpublished ones.</summary>
    public async Task<IReadOnlyList<ManagedDatasetDto>> ManagedAsync(ClaimsPrincipal user, string? q = null, CancellationToken ct = default)
    {
        var query = db.Datasets.AsNoTracking();
        if (!DatasetAccess.IsAdmin(user))
        {
            if (DatasetAccess.ProviderDepartment(user) is not { } code) return [];
            query = query.Where(d => d.Department!.Code == code);
        }
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(d => d.Title.Contains(q.Trim()));
        var rows = await query.OrderByDescending(d => d.UpdatedAt).Take(500).Select(d => new
        {
            d.Slug, d.Title, Org = d.Department!.Code, OrgName = d.Department.Name, d.IsPublished, d.UpdatedAt,
            Resources = d.Resources.Count, d.UpdateFrequency, d.DataUpdatedAt,
        }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.Select(x => new ManagedDatasetDto(x.Slug, x.Title, x.Org, x.OrgName, x.IsPublished, x.UpdatedAt, x.Resources,
            Timeliness.Evaluate(x.UpdateFrequency, x.DataUpdatedAt, now))).ToList();
    }

    /// <summary>The edit form's current values; Forbidden for another department's provider.</summary>
    public async Task<CommandResult<DatasetInput>> EditModelAsync(string slug, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var d = await db.Datasets.AsNoTracking().Include(x => x.Department).Include(x => x.Fields.OrderBy(f => f.Position))
            .FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (d is null) return CommandResult<DatasetInput>.NotFound();
        if (!DatasetAccess.CanManage(user, d.Department!.Code)) return CommandResult<DatasetInput>.Forbidden();
        return CommandResult<DatasetInput>.Success(new DatasetInput
        {
            Slug = d.Slug, Title = d.Title, Summary = d.Summary, Organization = d.Department.Code, Domain = d.DomainId,
            Tags = SplitList(d.Tags).ToList(), OpenCondition = DatasetLabels.Code(d.OpenCondition),
            UpdateFrequency = DatasetLabels.Code(d.UpdateFrequency), County = d.CountyCode ?? "",
            TimeCoverage = d.TimeCoverage, SpatialCoverage = d.SpatialCoverage, Contact = d.Contact, Licence = d.Licence,
            Fields = d.Fields.Select(f => new FieldInput { Name = f.Name, Type = f.Type, Description = f.Description, Unit = f.Unit, Example = f.Example }).ToList(),
        });
    }

    /// <summary>An ingestion job; visible to its dataset's managers.</summary>
    public async Task<CommandResult<JobDto>> JobAsync(long id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return CommandResult<JobDto>.NotFound();
        var info = await db.Datasets.AsNoTracking().Where(d => d.Id == job.DatasetId)
            .Select(d => new { d.Slug, Org = d.Department!.Code }).FirstOrDefaultAsync(ct);
        var mine = job.CreatedById is not null && job.CreatedById == DatasetAccess.UserId(user);
        if (!mine && (info is null || !DatasetAccess.CanManage(user, info.Org))) return CommandResult<JobDto>.Forbidden();
        var version = job.ResourceVersionId is { } vid
            ? await db.ResourceVersions.AsNoTracking().Where(v => v.Id == vid)
                .Select(v => new { v.ResourceId, v.Number, v.SheetName, v.IngestWarnings, v.FileHash, Resource = v.Resource!.Name }).FirstOrDefaultAsync(ct)
            : null;
        var dto = ToDto(job, info?.Slug, version?.ResourceId, version?.Number);
        if (version is null) return CommandResult<JobDto>.Success(dto);
        // One upload of a workbook queues a job per non-empty sheet, all at the same instant from the same file.
        var others = await db.Jobs.AsNoTracking()
            .Where(j => j.DatasetId == job.DatasetId && j.CreatedAt == job.CreatedAt && j.Id != job.Id && j.ResourceVersion!.FileHash == version.FileHash)
            .OrderBy(j => j.Id)
            .Select(j => new { j.Id, j.State, Resource = j.ResourceVersion!.Resource!.Name, j.ResourceVersion.SheetName })
            .ToListAsync(ct);
        var report = version.IngestWarnings?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return CommandResult<JobDto>.Success(dto with
        {
            ResourceName = version.Resource, Sheet = version.SheetName, Report = job.State == JobState.Succeeded ? report : [],
            OtherSheets = others.Select(o => new JobSheetDto(o.Id, o.Resource, o.SheetName, o.State.ToString().ToLowerInvariant())).ToList(),
        });
    }

    public static JobDto ToDto(Job j, string? slug, int? resourceId, int? number) => new(
        j.Id, j.Kind, j.State.ToString().ToLowerInvariant(), j.Progress, j.Rows, j.ErrorMessage, slug, resourceId, number,
        j.CreatedAt, j.StartedAt, j.FinishedAt);
}
