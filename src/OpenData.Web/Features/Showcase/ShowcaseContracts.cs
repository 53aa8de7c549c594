using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Showcase;

/// <summary>A card of the list and of the rows on other pages (architecture.md's field names for the JSON API).</summary>
public sealed record AppCardDto(int Id, string Name, string Type, string TypeLabel, int Domain, string DomainName, string Summary,
    IReadOnlyList<string> Datasets, IReadOnlyList<string> Apis, IReadOnlyList<string> Screenshots, string? Thumbnail,
    long ViewCount, long DownloadCount, double Rating, int RatingCount, bool IsDemo, DateTimeOffset? PublishedAt);

public sealed record LinkedItemDto(string Key, string Title);

public sealed record ScreenshotDto(string Url, string ThumbnailUrl, string Alt, int Width, int Height);

/// <summary>The detail page and GET /api/v1/apps/{id}.</summary>
public sealed record AppDetailDto(int Id, string Name, string Type, string TypeLabel, int Domain, string DomainName, IReadOnlyList<string> Tags,
    string Team, string TeamContact, string Summary, string? Url, string? EmbedCode, string? FileName, long FileSize,
    IReadOnlyList<string> Datasets, IReadOnlyList<string> Apis, IReadOnlyList<string> Screenshots,
    IReadOnlyList<LinkedItemDto> DatasetItems, IReadOnlyList<LinkedItemDto> ApiItems, IReadOnlyList<ScreenshotDto> Images,
    long ViewCount, long DownloadCount, double Rating, int RatingCount, bool IsDemo, DateTimeOffset? PublishedAt,
    int? DeveloperAppId, long? ApiCallCount);

/// <summary>What the owner (and a reviewer) sees beside the content: the state and the link check.</summary>
public sealed record AppReviewStateDto(string Status, string StatusLabel, string? ReviewReason, bool IsPublic, bool HasPendingEdit,
    string LinkState, string? LinkError, DateTimeOffset? LinkCheckedAt, bool IsOwner);

/// <summary>GET /api/v1/me/showcase and the reviewers' queue.</summary>
public sealed record MyAppDto(int Id, string Name, string Type, string TypeLabel, string Status, string StatusLabel, string? ReviewReason,
    bool IsPublic, string LinkState, string? LinkError, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Owner, int? DeveloperAppId);

/// <summary>A file of a submission, whichever way it arrived (page form or JSON API).</summary>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> Open);

/// <summary>A submission or an edit (2.3.3); on an edit, no screenshots keeps the current ones.</summary>
public sealed record ShowcaseInput(string? Name, string? Type, int? Domain, string? Tags, string? Summary, string? Team, string? TeamContact,
    IReadOnlyList<string> Datasets, IReadOnlyList<string> Apis, string? Url, string? EmbedCode, int? DeveloperAppId,
    IReadOnlyList<UploadedFile> Screenshots, IReadOnlyList<string> ScreenshotAlts, UploadedFile? File);

public sealed record ReviewInput(string? Reason);

public sealed record AppSearch(string? Q, int? Domain, string? Type, string? Sort, int Page);

public static class ShowcaseLabels
{
    public static readonly (ShowcaseType Type, string Code, string Label)[] Types =
    [
        (ShowcaseType.Service, "service", "服务应用"),
        (ShowcaseType.Media, "media", "传播产品"),
        (ShowcaseType.Solution, "solution", "创新方案"),
        (ShowcaseType.Research, "research", "研究成果"),
    ];

    public static readonly (string Code, string Label)[] Sorts = [("newest", "最新"), ("rating", "评分"), ("views", "查看次数"), ("downloads", "下载次数")];

    public static string Code(ShowcaseType t) => Types.First(x => x.Type == t).Code;
    public static string Label(ShowcaseType t) => Types.First(x => x.Type == t).Label;
    public static ShowcaseType? Parse(string? code) => Types.FirstOrDefault(x => x.Code == code?.Trim().ToLowerInvariant()) is { Code: not null } m ? m.Type : null;

    public static string Status(ShowcaseStatus s) => s switch
    {
        ShowcaseStatus.Pending => "pending",
        ShowcaseStatus.Approved => "approved",
        ShowcaseStatus.Rejected => "rejected",
        _ => "changesRequested",
    };

    public static string StatusLabel(ShowcaseStatus s) => s switch
    {
        ShowcaseStatus.Pending => "待审核",
        ShowcaseStatus.Approved => "已通过",
        ShowcaseStatus.Rejected => "已驳回",
        _ => "需修改",
    };

    public static string StatusBadge(string status) => status switch { "approved" => "badge-ok", "rejected" => "badge-bad", _ => "badge-warn" };

    public static string ImageUrl(string hash) => "/apps/media/" + hash;

    public static string Size(long bytes) => bytes >= 1048576 ? $"{bytes / 1048576.0:0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}
