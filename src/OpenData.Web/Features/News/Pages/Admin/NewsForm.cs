using System.Globalization;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.News.Pages.Admin;

/// <summary>The editor's form model: the publication time is typed in Beijing time (datetime-local has no zone).</summary>
public sealed class NewsForm
{
    public string Title { get; set; } = "";
    public string Category { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public string Source { get; set; } = "丽水市大数据发展管理局";
    public string? PublishAt { get; set; }
    /// <summary>"publish" or "draft": which button was pressed.</summary>
    public string? Action { get; set; }

    public NewsInput ToInput() => new()
    {
        Title = Title ?? "", Category = Category ?? "", Summary = Summary ?? "", Body = Body ?? "", Source = Source ?? "", Publish = Action == "publish",
        PublishAt = DateTime.TryParse(PublishAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Unspecified), ChinaTime.Offset) : null,
    };

    public static NewsForm From(NewsArticle a) => new()
    {
        Title = a.Title, Category = NewsCategories.Key(a.Category), Summary = a.Summary, Body = a.Body, Source = a.Source,
        PublishAt = a.PublishAt?.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
    };
}
