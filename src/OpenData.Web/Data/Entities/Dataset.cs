namespace OpenData.Web.Data.Entities;

/// <summary>开放属性: 无条件开放 (open) or 有条件开放 (restricted, needs a grant).</summary>
public enum OpenCondition { Open, Restricted }

/// <summary>更新频率 as declared by the provider; compared with real updates for 按时更新/逾期.</summary>
public enum UpdateFrequency { Realtime, Daily, Weekly, Monthly, Quarterly, HalfYearly, Yearly, Irregular }

/// <summary>A dataset (数据集) of one providing department. Statistics live on the row so lists sort cheaply.</summary>
public class Dataset
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public int DomainId { get; set; }
    public Domain? Domain { get; set; }
    /// <summary>Tags joined by commas (few per dataset; searched through the full-text index).</summary>
    public string Tags { get; set; } = "";
    public OpenCondition OpenCondition { get; set; }
    public UpdateFrequency UpdateFrequency { get; set; }
    public string? CountyCode { get; set; }
    public County? County { get; set; }
    public string TimeCoverage { get; set; } = "";
    public string SpatialCoverage { get; set; } = "";
    public string Contact { get; set; } = "";
    public string Licence { get; set; } = "";
    /// <summary>示例数据: generated demo content, flagged on the page.</summary>
    public bool IsSample { get; set; }
    public bool IsPublished { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Last change of metadata or data.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Last real data update (a new file version); drives timeliness.</summary>
    public DateTimeOffset? DataUpdatedAt { get; set; }
    public string? CreatedById { get; set; }

    /// <summary>Distinct formats of the current resources, comma-joined (for cards and the format filter).</summary>
    public string Formats { get; set; } = "";
    public long RowCount { get; set; }
    /// <summary>数据容量: rows × fields over the tabular resources.</summary>
    public long Capacity { get; set; }

    public long ViewCount { get; set; }
    public long DownloadCount { get; set; }
    public long ApiCallCount { get; set; }
    public long FavoriteCount { get; set; }
    public int RatingCount { get; set; }
    public double RatingAverage { get; set; }

    public List<DatasetField> Fields { get; set; } = [];
    public List<Resource> Resources { get; set; } = [];
}

/// <summary>One entry of the field dictionary (数据项).</summary>
public class DatasetField
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    public int Position { get; set; }
    public string Name { get; set; } = "";
    /// <summary>text, integer, decimal, date, datetime, boolean.</summary>
    public string Type { get; set; } = "text";
    public string Description { get; set; } = "";
    public string Unit { get; set; } = "";
    public string Example { get; set; } = "";
}
