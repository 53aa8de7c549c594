using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.RestrictedAccess;

/// <summary>A 政策动态 article that announces the application windows' dates.</summary>
public sealed record WindowArticle(int Id, string Title, DateTimeOffset PublishedAt)
{
    public string Href => $"/news/{Id}";
}

/// <summary>
/// Today's window status from the site settings, plus the administrator's published windows notice (a 政策动态
/// article), so applicants see it where they apply. The settings' notice text stays as the fallback.
/// </summary>
public sealed class RestrictedWindow(SiteSettingsStore settings, TimeProvider clock, PortalDbContext db)
{
    public async Task<WindowStatus> StatusAsync(CancellationToken ct = default)
    {
        var s = await settings.SnapshotAsync(ct);
        var spec = s.Get(SettingKeys.RestrictedWindows);
        var today = ChinaTime.Today(clock);
        var current = ApplicationWindows.Current(spec, today);
        return new WindowStatus(current is not null, current, ApplicationWindows.Next(spec, today), s.Get(SettingKeys.RestrictedNotice),
            Math.Max(1, s.GetInt(SettingKeys.RestrictedMaxMonths))) { Article = await NoticeAsync(ct) };
    }

    /// <summary>The same visibility rule as /news: published and due. "Of that kind" = its title names the windows.</summary>
    private async Task<WindowArticle?> NoticeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.NewsArticles.AsNoTracking()
            .Where(a => a.IsPublished && a.PublishAt != null && a.PublishAt <= now && a.Title.Contains("受限数据申请") && a.Title.Contains("窗口"))
            .OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id)
            .Select(a => new WindowArticle(a.Id, a.Title, a.PublishAt!.Value)).FirstOrDefaultAsync(ct);
    }
}
