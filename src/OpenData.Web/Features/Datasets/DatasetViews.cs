using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Datasets;

/// <summary>Counts a view once per visitor, dataset and (China) day; crawlers are not counted.</summary>
public sealed partial class DatasetViews(PortalDbContext db, TimeProvider clock, OpenIndex.AccessRecorder access)
{
    [GeneratedRegex(@"bot\b|bot/|crawl|spider|slurp|bingpreview|mediapartners|facebookexternalhit|yandex|sogou|bytespider|petalbot|semrush|ahrefs|python-requests|scrapy",
        RegexOptions.IgnoreCase)]
    private static partial Regex CrawlerRegex();

    public static bool IsCrawler(string? userAgent) => !string.IsNullOrEmpty(userAgent) && CrawlerRegex().IsMatch(userAgent);

    /// <summary>True when this request added a view. Called by the detail page and the detail API.</summary>
    public async Task<bool> RecordAsync(int datasetId, HttpContext http, CancellationToken ct = default)
    {
        var agent = http.Request.Headers.UserAgent.ToString();
        if (IsCrawler(agent)) return false;
        var userId = DatasetAccess.UserId(http.User);
        // Anonymous visitors are told apart by address and agent, hashed: no personal data is kept.
        var visitor = userId is not null ? "u:" + userId : "a:" + http.Connection.RemoteIpAddress + "|" + agent;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(visitor)));
        var now = clock.GetUtcNow();
        var local = now.ToOffset(OpenData.Web.Infrastructure.Web.ChinaTime.Offset);
        var day = local.Year * 10000 + local.Month * 100 + local.Day;
        if (await db.DatasetViews.AnyAsync(v => v.DatasetId == datasetId && v.Day == day && v.VisitorHash == hash, ct))
            return false;
        db.DatasetViews.Add(new DatasetView { DatasetId = datasetId, Day = day, VisitorHash = hash, At = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // a concurrent request of the same visitor counted it already
            return false;
        }
        await db.Datasets.Where(d => d.Id == datasetId).ExecuteUpdateAsync(s => s.SetProperty(d => d.ViewCount, d => d.ViewCount + 1), ct);
        // 开放指数 counts the same views (once per visitor and day), with their source.
        access.Record(OpenIndex.AccessActions.View, OpenIndex.AccessItems.Dataset, datasetId.ToString(System.Globalization.CultureInfo.InvariantCulture), http: http);
        return true;
    }
}
