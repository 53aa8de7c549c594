namespace OpenData.Web.Features.Datasets;

// The public shapes of the datasets feature: the JSON API returns these, the pages render them.

/// <summary>List state, all of it in the query string (?q=&amp;org=&amp;domain=&amp;format=&amp;open=&amp;county=&amp;sort=&amp;page=&amp;pageSize=).</summary>
public sealed class DatasetSearchRequest
{
    public string? Q { get; set; }
    /// <summary>Department code.</summary>
    public string? Org { get; set; }
    public int? Domain { get; set; }
    /// <summary>CSV, XLSX, XLS, JSON, XML, PDF, ZIP, GEOJSON.</summary>
    public string? Format { get; set; }
    /// <summary>"open" or "restricted".</summary>
    public string? Open { get; set; }
    /// <summary>County adcode.</summary>
    public string? County { get; set; }
    /// <summary>relevance (default with q), updated (default), views, downloads, capacity, rating.</summary>
    public string? Sort { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
}

public sealed record DatasetCardDto(
    int Id, string Slug, string Title, string Summary,
    string Organization, string OrganizationName, int Domain, string DomainName,
    IReadOnlyList<string> Tags, string OpenCondition, string OpenConditionLabel, IReadOnlyList<string> Formats,
    long RowCount, long Capacity, long ViewCount, long DownloadCount, double RatingAverage, int RatingCount,
    DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, string? County, string? CountyName, bool IsSample,
    TimelinessDto Timeliness);

public sealed record FacetValueDto(string Value, string Label, int Count);

/// <summary>A page of the catalog search. Facet keys: org, domain, format, open, county.</summary>
public sealed record DatasetSearchResult(
    IReadOnlyList<DatasetCardDto> Items, int Total, int Page, int PageSize,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValueDto>> Facets);

public sealed record DatasetDetailDto(
    int Id, string Slug, string Title, string Summary,
    string Organization, string OrganizationName, int Domain, string DomainName, IReadOnlyList<string> Tags,
    string OpenCondition, string OpenConditionLabel, string UpdateFrequency, string UpdateFrequencyLabel,
    string? County, string? CountyName, string TimeCoverage, string SpatialCoverage, string Contact, string Licence,
    bool IsSample, bool IsPublished, DateTimeOffset? PublishedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? DataUpdatedAt, TimelinessDto Timeliness, DatasetStatsDto Stats, long RowCount, long Capacity,
    IReadOnlyList<string> Formats, IReadOnlyList<FieldDto> Fields, SampleDto? Sample,
    IReadOnlyList<ResourceDto> Resources, bool CanManage, bool CanUseData = true);

/// <summary>Status "on-time" (按时更新), "overdue" (逾期) or "irregular" (不定期, never overdue).</summary>
public sealed record TimelinessDto(string Status, string Label, DateTimeOffset? LastUpdate, DateTimeOffset? DueBy);

public sealed record DatasetStatsDto(long Views, long Downloads, long ApiCalls, long Favorites, double RatingAverage, int RatingCount);

public sealed record FieldDto(string Name, string Type, string Description, string Unit, string Example);

/// <summary>Up to 10 sample rows of the current version of the first tabular resource.</summary>
public sealed record SampleDto(string ResourceName, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

public sealed record ResourceDto(
    int Id, string Name, string Format, long? RowCount, string ApiCode, int CurrentVersion, DateTimeOffset UpdatedAt,
    IReadOnlyList<ResourceVersionDto> Versions);

/// <summary>One file version; DownloadUrl is the API download of that exact version in its original format.</summary>
public sealed record ResourceVersionDto(
    int Number, string Format, long Size, string OriginalFileName, DateTimeOffset UploadedAt, long? RowCount, string DownloadUrl);

/// <summary>关联信息: Reason says why (同领域, 共同标签 X, 共同数据项 Y).</summary>
public sealed record RelatedDatasetDto(string Slug, string Title, string OrganizationName, string DomainName, string Reason, int Score);

/// <summary>数据图谱 for ECharts: categories 0 数据集, 1 提供机构, 2 数据领域, 3 标签, 4 数据项, 5 关联数据集.</summary>
public sealed record DatasetGraphDto(IReadOnlyList<string> Categories, IReadOnlyList<GraphNodeDto> Nodes, IReadOnlyList<GraphLinkDto> Links);
public sealed record GraphNodeDto(string Id, string Name, int Category, string Link, int SymbolSize);
public sealed record GraphLinkDto(string Source, string Target, string Label);

/// <summary>A node another feature adds to a dataset's 数据图谱 (linked to the dataset with its label).</summary>
public sealed record GraphExtraNode(string Id, string Name, string Link, int SymbolSize, string Label);

/// <summary>Lets another area (the showcase's apps) add its own category of nodes to the 数据图谱 without the datasets feature knowing it.</summary>
public interface IDatasetGraphExtension
{
    string Category { get; }
    Task<IReadOnlyList<GraphExtraNode>> NodesAsync(string slug, CancellationToken ct);
}

/// <summary>数据目录 (2.1.3) state: ?org=&amp;q=&amp;page=&amp;pageSize=.</summary>
public sealed class CatalogRequest
{
    public string? Org { get; set; }
    public string? Q { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }
}

/// <summary>One row of 数据目录: 数据资源名称, 数据单位, 目录发布时间, 信息项摘要 (field names).</summary>
public sealed record CatalogEntryDto(
    string Slug, string Title, string Organization, string OrganizationName, string DomainName,
    string OpenConditionLabel, DateTimeOffset? PublishedAt, IReadOnlyList<string> FieldNames);

public sealed record CatalogResult(
    IReadOnlyList<CatalogEntryDto> Items, int Total, int Page, int PageSize, IReadOnlyList<FacetValueDto> Departments);

public sealed record OrganizationDto(string Code, string Name, string ShortName, int DatasetCount);
public sealed record DomainDto(int Id, string Name, string Icon, int DatasetCount);

/// <summary>A provider's or admin's own list (includes unpublished datasets).</summary>
public sealed record ManagedDatasetDto(
    string Slug, string Title, string Organization, string OrganizationName, bool IsPublished,
    DateTimeOffset UpdatedAt, int ResourceCount, TimelinessDto Timeliness);

public sealed record DatasetRef(int Id, string Slug);

/// <summary>
/// An ingestion job. State: queued, running, succeeded, failed. Report: the load's notes (skipped rows, trimmed
/// cells, the unit found, which sheets were loaded); OtherSheets: the jobs of the same upload's other sheets.
/// </summary>
public sealed record JobDto(
    long Id, string Kind, string State, int Progress, long? Rows, string? Error, string? DatasetSlug,
    int? ResourceId, int? VersionNumber, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    string? ResourceName = null, string? Sheet = null, IReadOnlyList<string>? Report = null, IReadOnlyList<JobSheetDto>? OtherSheets = null);

/// <summary>Another sheet of the same uploaded workbook, loaded as its own resource by its own job.</summary>
public sealed record JobSheetDto(long JobId, string Resource, string? Sheet, string State);
