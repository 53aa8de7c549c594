using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.News;

/// <summary>The category's Chinese label and the lower-case key used in URLs and the JSON API (?category=policy).</summary>
public static class NewsCategories
{
    public static readonly IReadOnlyList<NewsCategory> All = Enum.GetValues<NewsCategory>();

    public static string Label(NewsCategory c) => c switch
    {
        NewsCategory.News => "新闻动态",
        NewsCategory.Policy => "政策法规",
        NewsCategory.WorkPlan => "工作计划",
        NewsCategory.OpenList => "开放清单",
        NewsCategory.Innovation => "数据创新活动",
        _ => c.ToString(),
    };

    public static string Key(NewsCategory c) => c switch
    {
        NewsCategory.WorkPlan => "work-plan",
        NewsCategory.OpenList => "open-list",
        _ => c.ToString().ToLowerInvariant(),
    };

    /// <summary>Accepts the URL key, the enum name or the Chinese label; null for anything else.</summary>
    public static NewsCategory? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        foreach (var c in All)
            if (string.Equals(Key(c), value, StringComparison.OrdinalIgnoreCase) || string.Equals(c.ToString(), value, StringComparison.OrdinalIgnoreCase)
                || Label(c) == value)
                return c;
        return null;
    }
}
