using System.Text.Json.Serialization;

namespace OpenData.Web.Data.Entities;

/// <summary>
/// Favorites, ratings, comments and error reports all point at an item by (kind, key): "dataset" + slug,
/// "api" + code, later "app" + id. One mechanism serves every area.
/// </summary>
public class Favorite
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string ItemKind { get; set; } = "";
    public string ItemKey { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>评分: one per user per item; changing it updates the row.</summary>
public class Rating
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string ItemKind { get; set; } = "";
    public string ItemKey { get; set; } = "";
    public int Stars { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Named, not numbered, in the JSON API.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CommentStatus>))]
public enum CommentStatus { Visible, Held, Hidden }

/// <summary>评论. The item's department is copied in so the provider's queue needs no item lookup.</summary>
public class Comment
{
    public long Id { get; set; }
    public string ItemKind { get; set; } = "";
    public string ItemKey { get; set; } = "";
    public string DepartmentCode { get; set; } = "";
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Body { get; set; } = "";
    public CommentStatus Status { get; set; }
    /// <summary>Why the comment is held (the matched sensitive word), for the reviewer.</summary>
    public string? HeldReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? Reply { get; set; }
    public string? ReplyDepartment { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
}

/// <summary>Named, not numbered, in the JSON API.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ErrorReportType>))]
public enum ErrorReportType { DataError, BrokenLink, Mismatch, Other }
/// <summary>Named, not numbered, in the JSON API.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ErrorReportStatus>))]
public enum ErrorReportStatus { Pending, InProgress, Fixed, Rejected }

/// <summary>数据纠错: lands in the department's queue; the reporter is told of every status change.</summary>
public class ErrorReport
{
    public long Id { get; set; }
    public string ItemKind { get; set; } = "";
    public string ItemKey { get; set; } = "";
    public string ItemTitle { get; set; } = "";
    public string DepartmentCode { get; set; } = "";
    public string UserId { get; set; } = "";
    public ErrorReportType Type { get; set; }
    public string Description { get; set; } = "";
    public string? Location { get; set; }
    public ErrorReportStatus Status { get; set; }
    public string? Reply { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>订阅: a user follows a dataset's new versions and metadata changes.</summary>
public class Subscription
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public int DatasetId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One entry of a dataset's change history: feeds the Atom feed and subscription messages.</summary>
public class DatasetUpdate
{
    public long Id { get; set; }
    public int DatasetId { get; set; }
    /// <summary>"version" or "metadata".</summary>
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
