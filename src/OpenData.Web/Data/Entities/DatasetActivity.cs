namespace OpenData.Web.Data.Entities;

/// <summary>One counted view: a visitor (user id or hashed address + agent) and dataset per day, counted once.</summary>
public class DatasetView
{
    public long Id { get; set; }
    public int DatasetId { get; set; }
    /// <summary>Local (China) date as yyyymmdd.</summary>
    public int Day { get; set; }
    public string VisitorHash { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>One download, for the download counts and the statistics rankings.</summary>
public class DownloadEvent
{
    public long Id { get; set; }
    public int DatasetId { get; set; }
    public int ResourceId { get; set; }
    public int VersionNumber { get; set; }
    public string Format { get; set; } = "";
    public string? UserId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// The search document of a dataset: pre-segmented tokens (space-joined) per weighted column. SQLite indexes it
/// with an FTS5 table fed by triggers, PostgreSQL with a generated tsvector column (ADR 0020).
/// </summary>
public class DatasetSearchDocument
{
    public int DatasetId { get; set; }
    /// <summary>Weight A.</summary>
    public string Title { get; set; } = "";
    /// <summary>Weight B: summary and tags.</summary>
    public string Body { get; set; } = "";
    /// <summary>Weight C: field names.</summary>
    public string Fields { get; set; } = "";
}
