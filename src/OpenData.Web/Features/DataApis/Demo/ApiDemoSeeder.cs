using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.DataApis.Applications;
using OpenData.Web.Features.DataApis.Apps;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Features.DataApis.Demo;

/// <summary>
/// API use in the demo: the demo developer's app with granted, pending and refused applications, and call history
/// spread over the last four weeks (the call log, the APIs' and datasets' call counters agree with it). Added only
/// when the database has no developer app and no call yet.
/// </summary>
public sealed class ApiDemoSeeder : IDemoSeeder
{
    public int Order => 45;

    public async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        if (await db.DeveloperApps.AnyAsync(ct) || await db.ApiCallLogs.AnyAsync(ct)) return;
        var developer = await db.Users.AsNoTracking().Where(u => u.UserName == "developer").Select(u => u.Id).FirstOrDefaultAsync(ct);
        var apis = await db.Resources.AsNoTracking()
            .Where(r => r.Dataset!.IsPublished && r.Dataset.IsSample && r.Dataset.OpenCondition == OpenCondition.Open && r.ApiCode != ""
                && r.Versions.Any(v => v.Number == r.CurrentVersion && v.TableName != null))
            .OrderBy(r => r.Id).Select(r => new { r.ApiCode, r.DatasetId, r.Dataset!.DomainId }).Take(14).ToListAsync(ct);
        if (developer is null || apis.Count < 3) return;
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var app = new DeveloperApp
        {
            UserId = developer, Name = "丽水出行助手（示例应用）", DomainId = apis[0].DomainId, CreatedAt = now.AddDays(-45),
            Description = "面向市民的出行与生活服务小程序：空气质量提醒、公交站点查询和停车场空位查询。",
            AppKey = AppSecrets.NewAppKey(), SecretCipher = sp.GetRequiredService<AppSecrets>().Protect(AppSecrets.NewSecret()),
        };
        db.DeveloperApps.Add(app);
        await db.SaveChangesAsync(ct);

        for (var i = 0; i < Math.Min(apis.Count, 7); i++)
        {
            // Five granted, then one waiting for review and one refused, so every state shows in 我的申请 and the review queue.
            var status = i < 5 ? ApiApplicationStatus.Approved : i == 5 ? ApiApplicationStatus.Pending : ApiApplicationStatus.Rejected;
            var at = now.AddDays(-40 + i * 4);
            db.ApiApplications.Add(new ApiApplication
            {
                AppId = app.Id, UserId = developer, ApiCode = apis[i].ApiCode, Category = ApplicationCategories.All[i % ApplicationCategories.All.Length],
                Reason = "用于“丽水出行助手”小程序，为市民提供查询服务，数据仅在应用内展示并注明来源。", AgreementAcceptedAt = at, Status = status, CreatedAt = at,
                ReviewedAt = status == ApiApplicationStatus.Pending ? null : at.AddDays(1),
                ReviewReason = status == ApiApplicationStatus.Rejected ? "申请理由未说明调用频率和数据使用范围，请补充后重新申请。" : null,
            });
        }

        // Calls of the granted APIs: daily traffic with a weekday rhythm, mostly successful, a few refused by quota or bad queries.
        var random = new Random(20261202);
        var counts = new Dictionary<string, int>();
        for (var day = 27; day >= 0; day--)
            for (var i = 0; i < Math.Min(apis.Count, 5); i++)
            {
                var date = now.AddDays(-day);
                var calls = (5 - i) + (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 2) + random.Next(3);
                for (var c = 0; c < calls; c++)
                {
                    var status = random.Next(40) switch { 0 => 429, 1 => 400, _ => 200 };
                    db.ApiCallLogs.Add(new ApiCallLog
                    {
                        AppId = app.Id, ApiCode = apis[i].ApiCode, Status = status, LatencyMs = 8 + random.Next(90), Bytes = status == 200 ? 2000 + random.Next(30000) : 180,
                        IpAddress = $"10.20.{random.Next(1, 30)}.{random.Next(2, 250)}", At = date.AddMinutes(-random.Next(0, 600)),
                    });
                    counts[apis[i].ApiCode] = counts.GetValueOrDefault(apis[i].ApiCode) + 1;
                }
            }
        await db.SaveChangesAsync(ct);
        foreach (var (code, n) in counts)
        {
            if (await db.ApiProfiles.Where(p => p.ApiCode == code).ExecuteUpdateAsync(s => s.SetProperty(p => p.CallCount, p => p.CallCount + n), ct) == 0)
                db.ApiProfiles.Add(new ApiProfile { ApiCode = code, CallCount = n, ViewCount = n * 3 });
            var datasetId = apis.First(a => a.ApiCode == code).DatasetId;
            await db.Datasets.Where(d => d.Id == datasetId).ExecuteUpdateAsync(s => s.SetProperty(d => d.ApiCallCount, d => d.ApiCallCount + n), ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
