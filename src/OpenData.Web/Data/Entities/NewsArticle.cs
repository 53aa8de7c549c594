using System.Text.Json.Serialization;

namespace OpenData.Web.Data.Entities;

/// <summary>The five columns of 政策动态 (seed 2.8); named, not numbered, in the JSON API.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NewsCategory>))]
public enum NewsCategory { News, Policy, WorkPlan, OpenList, Innovation }

/// <summary>
/// An article of 政策动态. Visible to the public when <see cref="IsPublished"/> and <see cref="PublishAt"/> has come
/// (a future date is a scheduled publication); unpublishing clears IsPublished and keeps the article.
/// </summary>
public class NewsArticle
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public NewsCategory Category { get; set; }
    public string Summary { get; set; } = "";
    /// <summary>Markdown as written; rendered and sanitized on display (SafeMarkdown).</summary>
    public string Body { get; set; } = "";
    public string Source { get; set; } = "";
    public bool IsPublished { get; set; }
    public DateTimeOffset? PublishAt { get; set; }
    /// <summary>Demo content (示例), shown with a badge so nobody mistakes it for a real notice.</summary>
    public bool IsDemo { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<NewsAttachment> Attachments { get; set; } = [];
}

/// <summary>A PDF, Word or Excel file of an article, kept in the file store by its hash.</summary>
public class NewsAttachment
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public string FileName { get; set; } = "";
    public string FileHash { get; set; } = "";
    public long Size { get; set; }
    public string ContentType { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
