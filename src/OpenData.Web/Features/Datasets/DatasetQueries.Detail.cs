using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Datasets;

public sealed partial class DatasetQueries
{
    /// <summary>One dataset by slug; null when missing or not visible to the user (unpublished and not theirs).</summary>
    public async Task<DatasetDetailDto?> DetailAsync(string slug, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var d = await db.Datasets.AsNoTracking().AsSplitQuery()
            .Include(x => x.Department).Include(x => x.Domain).Include(x => x.County)
            .Include(x => x.Fields.OrderBy(f => f.Position))
            .Include(x => x.Resources.OrderBy(r => r.Id)).ThenInclude(r => r.Versions.OrderByDescending(v => v.Number))
            .FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (d is null) return null;
        var canManage = DatasetAccess.CanManage(user, d.Department!.Code);
        if (!d.IsPublished && !canManage) return null;
        // 有条件开放 data is described by its metadata only (rows and example values may hold personal data),
        // except to its managers and to grantees (IDatasetGrants, the one check every route that serves rows calls).
        var scope = canManage || d.OpenCondition != OpenCondition.Restricted ? GrantScope.All
            : DatasetAccess.UserId(user) is { } uid && user.Identity?.IsAuthenticated == true ? await grants.UserScopeAsync(uid, d.Id, ct) : null;
        var showValues = scope is not null;

        var sampleSource = d.Resources.Where(r => DatasetLabels.IsTabular(r.Format))
            .Select(r => (r.Name, Version: r.Versions.FirstOrDefault(v => v.Number == r.CurrentVersion)))
            .FirstOrDefault(x => x.Version?.SampleJson is not null);
        var resources = d.Resources.Select(r => new ResourceDto(
            r.Id, r.Name, r.Format, r.RowCount, r.ApiCode, r.CurrentVersion, r.UpdatedAt,
            r.Versions.Select(v => new ResourceVersionDto(v.Number, v.Format, v.Size, v.OriginalFileName, v.UploadedAt, v.RowCount,
                $"/api/v1/datasets/{d.Slug}/resources/{r.Id}/download?format=original&version={v.Number}")).ToList())).ToList();
        return new DatasetDetailDto(
            d.Id, d.Slug, d.Title, d.Summary, d.Department.Code, d.Department.Name, d.DomainId, d.Domain!.Name, SplitList(d.Tags),
            DatasetLabels.Code(d.OpenCondition), DatasetLabels.Label(d.OpenCondition),
            DatasetLabels.Code(d.UpdateFrequency), DatasetLabels.Label(d.UpdateFrequency),
            d.CountyCode, d.County?.Name, d.TimeCoverage, d.SpatialCoverage, d.Contact, d.Licence,
            d.IsSample, d.IsPublished, d.PublishedAt, d.CreatedAt, d.UpdatedAt, d.DataUpdatedAt,
            Timeliness.Evaluate(d.UpdateFrequency, d.DataUpdatedAt, clock.GetUtcNow()),
            new DatasetStatsDto(d.ViewCount, d.DownloadCount, d.ApiCallCount, d.FavoriteCount, Math.Round(d.RatingAverage, 1), d.RatingCount),
            d.RowCount, d.Capacity, SplitList(d.Formats),
            d.Fields.Select(f => new FieldDto(f.Name, f.Type, f.Description, f.Unit, scope?.Covers(f.Name) == true ? f.Example : "")).ToList(),
            scope is not null && sampleSource.Version is { } sv ? TabularSample.FromJson(sampleSource.Name, sv.SampleJson)?.Within(scope) : null,
            resources, canManage, showValues);
    }

    /// <summary>关联信息: published datasets sharing tags (3 each), field names (2 each) or the domain (1), best first.</summary>
    public async Task<IReadOnlyList<RelatedDatasetDto>> RelatedAsync(int datasetId, int take = 8, CancellationToken ct = default)
    {
        var self = await db.Datasets.AsNoTracking().Where(d => d.Id == datasetId)
            .Select(d => new { d.DomainId, d.Tags, Fields = d.Fields.Select(f => f.Name).ToList() }).FirstOrDefaultAsync(ct);
        if (self is null) return [];
        var tags = SplitList(self.Tags).ToHashSet();
        // Generic columns (序号, 名称 …) say nothing about relatedness.
        var fields = self.Fields.Where(f => !GenericFields.Contains(f)).ToList();
        var byField = await db.DatasetFields.AsNoTracking().Where(f => f.DatasetId != datasetId && fields.Contains(f.Name))
            .GroupBy(f => f.DatasetId).Select(g => new { g.Key, Names = g.Select(f => f.Name).ToList() })
            .ToDictionaryAsync(x => x.Key, x => x.Names, ct);
        var fieldIds = byField.Keys.ToList();
        var candidates = await db.Datasets.AsNoTracking()
            .Where(d => d.IsPublished && d.Id != datasetId &&
                        (d.DomainId == self.DomainId || fieldIds.Contains(d.Id) || tags.Any(t => d.Tags.Contains(t))))
            .OrderByDescending(d => d.ViewCount).Take(300)
            .Select(d => new { d.Id, d.Slug, d.Title, d.Tags, d.DomainId, Org = d.Department!.Name, Domain = d.Domain!.Name })
            .ToListAsync(ct);
        return candidates.Select(c =>
            {
                var sharedTags = SplitList(c.Tags).Where(tags.Contains).ToList();
                var sharedFields = byField.GetValueOrDefault(c.Id) ?? [];
                var sameDomain = c.DomainId == self.DomainId;
                var score = sharedTags.Count * 3 + sharedFields.Count * 2 + (sameDomain ? 1 : 0);
                var reasons = new List<string>();
                if (sharedTags.Count > 0) reasons.Add("共同标签 " + string.Join("、", sharedTags.Take(3)));
                if (sharedFields.Count > 0) reasons.Add("共同数据项 " + string.Join("、", sharedFields.Take(3)));
                if (sameDomain) reasons.Add("同领域");
                return new RelatedDatasetDto(c.Slug, c.Title, c.Org, c.Domain, string.Join("；", reasons), score);
            })
            .Where(x => x.Score > 0).OrderByDescending(x => x.Score).ThenBy(x => x.Title).Take(take).ToList();
    }

    private static readonly HashSet<string> GenericFields = ["序号", "编号", "名称", "备注", "地址", "id", "ID", "更新时间", "数据日期", "日期", "月份", "年度", "区县", "乡镇（街道）", "联系电话"];

    /// <summary>数据图谱 data for ECharts; null when the dataset is not visible.</summary>
    public async Task<DatasetGraphDto?> GraphAsync(string slug, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var d = await DetailAsync(slug, user, ct);
        if (d is null) return null;
        var related = await RelatedAsync(d.Id, 6, ct);
        var nodes = new List<GraphNodeDto> { new("dataset", d.Title, 0, $"/datasets/{d.Slug}", 56) };
        var links = new List<GraphLinkDto>();
        void Add(string id, string name, int category, string link, int size, string label)
        {
            if (nodes.Any(n => n.Id == id)) return;
            nodes.Add(new GraphNodeDto(id, name, category, link, size));
            links.Add(new GraphLinkDto("dataset", id, label));
        }
        Add("org:" + d.Organization, d.OrganizationName, 1, $"/datasets?org={d.Organization}", 40, "提供机构");
        Add("domain:" + d.Domain, d.DomainName, 2, $"/datasets?domain={d.Domain}", 40, "数据领域");
        foreach (var t in d.Tags) Add("tag:" + t, t, 3, $"/datasets?q={Uri.EscapeDataString(t)}", 28, "标签");
        foreach (var f in d.Fields.Take(12)) Add("field:" + f.Name, f.Name, 4, $"/datasets?q={Uri.EscapeDataString(f.Name)}", 22, "数据项");
        foreach (var r in related) Add("dataset:" + r.Slug, r.Title, 5, $"/datasets/{r.Slug}", 32, r.Reason);
        foreach (var r in d.Resources.Where(r => DatasetLabels.IsTabular(r.Format) && r.ApiCode.Length > 0))
            Add("api:" + r.ApiCode, r.Name + " 数据接口", 6, $"/apis/{r.ApiCode}", 30, "数据接口");
        var categories = new List<string> { "数据集", "提供机构", "数据领域", "标签", "数据项", "关联数据集", "数据接口" };
        foreach (var extension in graphExtensions)
        {
            var category = categories.Count;
            categories.Add(extension.Category);
            foreach (var n in await extension.NodesAsync(d.Slug, ct)) Add(n.Id, n.Name, category, n.Link, n.SymbolSize, n.Label);
        }
        return new DatasetGraphDto(categories, nodes, links);
    }
}
