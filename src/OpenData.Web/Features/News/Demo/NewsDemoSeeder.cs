using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Features.News.Demo;

/// <summary>
/// Demo articles (示例) of 政策动态, written for this platform: they say what the platform offers and are marked as
/// examples. Added once, after the demo catalog, whose datasets the 开放清单 article lists.
/// </summary>
public sealed class NewsDemoSeeder : IDemoSeeder
{
    public int Order => 60;

    public async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        if (await db.NewsArticles.AnyAsync(a => a.IsDemo, ct)) return;
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var articles = DemoArticles.All.Select((d, n) => new NewsArticle
        {
            Title = d.Title, Category = d.Category, Summary = d.Summary, Body = d.Body, Source = d.Source,
            IsPublished = true, IsDemo = true, AuthorName = "admin",
            // Spread over the past months, newest first in the list, all dated before anything written today.
            PublishAt = now.AddDays(-(d.DaysAgo + 1)).AddHours(-n), CreatedAt = now.AddDays(-(d.DaysAgo + 1)), UpdatedAt = now.AddDays(-(d.DaysAgo + 1)),
        }).ToList();
        articles.Add(await OpenListAsync(db, now, ct));
        db.NewsArticles.AddRange(articles);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>开放清单 of the demo catalog: the published datasets by department, from the database itself.</summary>
    private static async Task<NewsArticle> OpenListAsync(PortalDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Datasets.AsNoTracking().Where(d => d.IsPublished)
            .OrderBy(d => d.Department!.Name).ThenBy(d => d.Title)
            .Select(d => new { d.Title, d.Slug, Dept = d.Department!.Name, Domain = d.Domain!.Name, d.OpenCondition, d.UpdateFrequency })
            .ToListAsync(ct);
        var sb = new StringBuilder();
        sb.AppendLine("> 本文为**示例**内容，清单由平台示例目录自动生成，仅用于演示。").AppendLine();
        sb.AppendLine("根据《丽水市公共数据开放目录》编制要求，现将平台已开放的数据集清单公布如下（共 " + rows.Count + " 个）。");
        sb.AppendLine("“无条件开放”的数据集可直接下载和调用接口；“有条件开放”的数据集需在申请窗口期内提交受限数据申请。").AppendLine();
        sb.AppendLine("| 序号 | 数据集 | 提供部门 | 领域 | 开放属性 | 更新频率 |");
        sb.AppendLine("|---:|---|---|---|---|---|");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            sb.AppendLine($"| {i + 1} | [{r.Title}](/datasets/{r.Slug}) | {r.Dept} | {r.Domain} | {(r.OpenCondition == OpenCondition.Open ? "无条件开放" : "有条件开放")} | {Frequency(r.UpdateFrequency)} |");
        }
        sb.AppendLine().AppendLine("清单将随数据集的发布和更新动态调整，最新情况以[数据目录](/catalog)为准。");
        var at = now.AddDays(-3);
        return new NewsArticle
        {
            Title = "丽水市公共数据开放清单（示例目录）", Category = NewsCategory.OpenList, IsDemo = true, IsPublished = true,
            Summary = $"公布平台示例目录中已开放的 {rows.Count} 个数据集，含提供部门、所属领域、开放属性和更新频率。",
            Body = sb.ToString(), Source = "丽水市大数据发展管理局", AuthorName = "admin", PublishAt = at, CreatedAt = at, UpdatedAt = at,
        };
    }

    private static string Frequency(UpdateFrequency f) => f switch
    {
        UpdateFrequency.Realtime => "实时", UpdateFrequency.Daily => "每日", UpdateFrequency.Weekly => "每周",
        UpdateFrequency.Monthly => "每月", UpdateFrequency.Quarterly => "每季度", UpdateFrequency.HalfYearly => "每半年",
        UpdateFrequency.Yearly => "每年", _ => "不定期",
    };
}
