namespace OpenData.Web.Features.OpenIndex;

/// <summary>GET /api/v1/open-index: the figures behind every chart of /open-index (access figures from the daily tables).</summary>
public sealed record OpenIndexReport(
    string From, string To, string? Department, string? DepartmentName, DateTimeOffset? RolledAt,
    OpennessSummary Summary,
    IReadOnlyList<DepartmentVolume> Departments,
    IReadOnlyList<DomainOpenness> Domains,
    AccessSources Sources,
    UpdateTrend Updates,
    IReadOnlyList<RankedItem> DatasetDownloads,
    IReadOnlyList<RankedItem> ApiCalls,
    IReadOnlyList<RankedItem> Apps,
    IReadOnlyList<SearchWord> HotSearches,
    DemandSummary Demand);

/// <summary>Open at the end of the range, added within it, and the growth over what was open before it (percent).</summary>
public sealed record Openness(long Total, long Added, double? GrowthPercent);

public sealed record OpennessSummary(Openness Datasets, Openness Apis, Openness Apps, Openness RestrictedGrants);

/// <summary>部门数据量 and 数据容量 (rows × fields).</summary>
public sealed record DepartmentVolume(string Code, string Name, string ShortName, int Datasets, long Rows, long Capacity, int Files, int Apis);

/// <summary>领域开放排行: downloads within the range.</summary>
public sealed record DomainOpenness(int Id, string Name, int Datasets, long Capacity, long Downloads);

/// <summary>访问来源追溯: views and downloads by each source dimension.</summary>
public sealed record AccessSources(
    IReadOnlyList<SourceCount> Channels, IReadOnlyList<SourceCount> Referrers, IReadOnlyList<SourceCount> Industries,
    IReadOnlyList<SourceCount> Occupations, IReadOnlyList<SourceCount> Regions);

public sealed record SourceCount(string Label, long Views, long Downloads);

/// <summary>数据更新趋势: per month, and 按时更新率 per department (scheduled = datasets with a regular frequency).</summary>
public sealed record UpdateTrend(IReadOnlyList<MonthCount> Months, IReadOnlyList<OnTimeRate> OnTime);

public sealed record MonthCount(string Month, int Published, int Updated);

public sealed record OnTimeRate(string Code, string Name, string ShortName, int Scheduled, int OnTime, double Rate);

public sealed record RankedItem(string Key, string Name, string Department, long Count, string Href);

public sealed record SearchWord(string Word, long Count);

public sealed record LabelCount(string Label, long Count);

/// <summary>用户需求: data requests made within the range, and how long their answer took on average.</summary>
public sealed record DemandSummary(int Total, int Replied, double? AverageReplyDays,
    IReadOnlyList<LabelCount> ByDomain, IReadOnlyList<LabelCount> ByDepartment, IReadOnlyList<LabelCount> ByStatus);
