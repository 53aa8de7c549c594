using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.News;

/// <summary>An article in a list: no body. <c>publishedAt</c> is the date shown (the scheduled date once it has come).</summary>
public sealed record NewsListItem(int Id, string Title, NewsCategory Category, string CategoryLabel, string Summary, string Source,
    DateTimeOffset? PublishedAt, bool IsDemo, int AttachmentCount);

public sealed record NewsAttachmentDto(int Id, string FileName, long Size, string Url);

public sealed record NewsNeighbour(int Id, string Title);

/// <summary>One article: <c>body</c> is the Markdown as written, <c>bodyHtml</c> the sanitized HTML the page shows.</summary>
public sealed record NewsDetail(int Id, string Title, NewsCategory Category, string CategoryLabel, string Summary, string Body, string BodyHtml,
    string Source, DateTimeOffset? PublishedAt, bool IsDemo, IReadOnlyList<NewsAttachmentDto> Attachments,
    NewsNeighbour? Previous, NewsNeighbour? Next);

/// <summary>An article in the back office: with its state (草稿, 定时发布, 已发布).</summary>
public sealed record NewsAdminItem(int Id, string Title, string CategoryLabel, bool IsPublished, DateTimeOffset? PublishAt,
    DateTimeOffset UpdatedAt, string AuthorName, bool IsDemo);

/// <summary>POST /api/v1/admin/news, and the editor's form. <c>publishAt</c> (optional) schedules the publication.</summary>
public sealed class NewsInput
{
    public string Title { get; set; } = "";
    public string Category { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public string Source { get; set; } = "";
    public bool Publish { get; set; }
    public DateTimeOffset? PublishAt { get; set; }
}

public sealed record NewsCreated(int Id, string Status, string Url);
