namespace OpenData.Web.Data.Entities;

/// <summary>成果类型 (2.3): the JSON names are the lower-case member names' short forms (architecture.md).</summary>
public enum ShowcaseType { Service, Media, Solution, Research }

/// <summary>The review state of an entry's latest submitted revision.</summary>
public enum ShowcaseStatus { Pending, Approved, Rejected, ChangesRequested }

/// <summary>Result of the daily link check of an entry's address.</summary>
public enum LinkState { Unchecked, Ok, Broken }

/// <summary>
/// 应用成果: one showcase entry. Its content lives in revisions: the approved one (<see cref="ShowcaseRevision.IsPublished"/>)
/// stays public while a later edit waits for review. Counters belong to the entry, not to a revision.
/// </summary>
public class ShowcaseEntry
{
    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    /// <summary>上架 (2.9.4): the developer app shown, when the entry came from 我的应用.</summary>
    public int? DeveloperAppId { get; set; }
    public ShowcaseStatus Status { get; set; }
    public string? ReviewReason { get; set; }
    public string? ReviewedById { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    /// <summary>When the first revision was approved: the 最新 sort.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>示例: added by the demo seed.</summary>
    public bool IsDemo { get; set; }
    public long ViewCount { get; set; }
    public long DownloadCount { get; set; }
    public int FavoriteCount { get; set; }
    public int RatingCount { get; set; }
    public double RatingAverage { get; set; }
    public LinkState LinkState { get; set; }
    public string? LinkError { get; set; }
    public DateTimeOffset? LinkCheckedAt { get; set; }
    public List<ShowcaseRevision> Revisions { get; set; } = [];
}

/// <summary>One submitted version of an entry's content.</summary>
public class ShowcaseRevision
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public ShowcaseEntry? Entry { get; set; }
    /// <summary>The version the public sees (at most one per entry).</summary>
    public bool IsPublished { get; set; }
    public ShowcaseType Type { get; set; }
    public string Name { get; set; } = "";
    /// <summary>标签, comma-separated.</summary>
    public string Tags { get; set; } = "";
    public int DomainId { get; set; }
    public string TeamName { get; set; } = "";
    public string TeamContact { get; set; } = "";
    public string Summary { get; set; } = "";
    public string? Url { get; set; }
    /// <summary>嵌入应用: shown as text to copy, never rendered.</summary>
    public string? EmbedCode { get; set; }
    public string? FileHash { get; set; }
    public string? FileName { get; set; }
    public long FileSize { get; set; }
    /// <summary>Segmented name, tags and summary (the datasets' Chinese segmentation) for the name search.</summary>
    public string SearchText { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<ShowcaseLink> Links { get; set; } = [];
    public List<ShowcaseImage> Images { get; set; } = [];
}

/// <summary>A dataset (slug) or API (code) a revision says it is built on.</summary>
public class ShowcaseLink
{
    public int RevisionId { get; set; }
    /// <summary>"dataset" or "api" (the interaction kinds).</summary>
    public string Kind { get; set; } = "";
    public string Key { get; set; } = "";
}

/// <summary>成果截图: a re-encoded image and its thumbnail in the file store.</summary>
public class ShowcaseImage
{
    public int Id { get; set; }
    public int RevisionId { get; set; }
    public int Order { get; set; }
    public string Hash { get; set; } = "";
    public string ThumbHash { get; set; } = "";
    public string MediaType { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public string Alt { get; set; } = "";
}
