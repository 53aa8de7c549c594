using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Features.OpenIndex.Demo;

/// <summary>
/// A generated access history of the past months, so that every chart of /open-index shows something. It writes the
/// daily tables directly (about two thousand rows, not millions of events: the tests seed the demo for every class)
/// plus a few raw events of today that the next rollup adds. Only when the daily tables are empty.
/// </summary>
public sealed class OpenIndexDemoSeeder : IDemoSeeder
{
    public int Order => 90;
    public const int Days = 120;

    internal static readonly string[] Words = ["停车场", "企业信用", "空气质量", "充电桩", "学区", "水质", "医疗机构", "养老机构", "公交线路", "旅游景区", "农家乐", "人口"];
    private static readonly string[] Referrers = ["", "", AccessRecorder.Internal, AccessRecorder.Internal, AccessRecorder.Internal, "www.baidu.com", "www.zjzwfw.gov.cn", "www.lishui.gov.cn", "data.zjzwfw.gov.cn"];
    private static readonly string[] Channels = [AccessChannels.Page, AccessChannels.Page, AccessChannels.Page, AccessChannels.Api];

    public async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        if (await db.AccessDaily.AnyAsync(ct) || await db.ItemDaily.AnyAsync(ct)) return;
        var datasets = await db.Datasets.AsNoTracking().Where(d => d.IsPublished).OrderBy(d => d.Id).Select(d => new { d.Id, d.DepartmentId }).ToListAsync(ct);
        if (datasets.Count == 0) return;
        var apis = await db.Resources.AsNoTracking().Where(r => r.ApiCode != "" && r.RowCount != null && r.Dataset!.IsPublished).OrderBy(r => r.Id)
            .Select(r => new { r.ApiCode, r.Dataset!.DepartmentId }).ToListAsync(ct);
        var apps = await db.ShowcaseEntries.AsNoTracking().Where(e => e.PublishedAt != null).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
        var rng = new Random(18);
        var today = AccessRecorder.Day(sp.GetRequiredService<TimeProvider>().GetUtcNow());
        var sources = new Dictionary<(int, string, string, int, string, string, string), long>();
        var items = new Dictionary<(int, string, string, string), (int Dept, long Count)>();
        for (var back = Days; back >= 1; back--)
        {
            var day = OpenIndexRange.Day(OpenIndexRange.Date(today).AddDays(-back));
            // No IP database in the demo, so every region is 未知, as on a real installation without one. A slow growth over the months, quieter weekends.
            var weekday = OpenIndexRange.Date(day).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.5 : 1.0;
            var scale = (0.6 + 0.4 * (Days - back) / Days) * weekday;
            for (var k = 0; k < 8; k++)
            {
                var d = datasets[Zipf(rng, datasets.Count)];
                var download = k % 3 == 2;
                var signedIn = rng.Next(3) > 0;
                var key = (day, download ? AccessActions.Download : AccessActions.View, download ? AccessChannels.Download : Channels[rng.Next(Channels.Length)],
                    d.DepartmentId, Referrers[rng.Next(Referrers.Length)],
                    signedIn ? AccountChoices.Industries[Zipf(rng, AccountChoices.Industries.Length)] : "",
                    signedIn ? AccountChoices.Occupations[Zipf(rng, AccountChoices.Occupations.Length)] : "");
                sources[key] = sources.GetValueOrDefault(key) + Count(rng, download ? 6 : 25, scale);
                if (download) Add(items, (day, AccessActions.Download, AccessItems.Dataset, d.Id.ToString()), d.DepartmentId, Count(rng, 6, scale));
            }
            if (apis.Count > 0)
                for (var k = 0; k < 2; k++)
                {
                    var a = apis[Zipf(rng, apis.Count)];
                    Add(items, (day, AccessActions.Call, AccessItems.Api, a.ApiCode), a.DepartmentId, Count(rng, 40, scale));
                }
            if (apps.Count > 0) Add(items, (day, AccessActions.View, AccessItems.App, apps[Zipf(rng, apps.Count)].ToString()), 0, Count(rng, 10, scale));
            for (var k = 0; k < 2; k++) Add(items, (day, AccessActions.Search, AccessItems.Search, Words[Zipf(rng, Words.Length)]), 0, Count(rng, 8, scale));
        }
        db.AccessDaily.AddRange(sources.Select(s => new AccessDaily
        {
            Day = s.Key.Item1, Action = s.Key.Item2, Channel = s.Key.Item3, DepartmentId = s.Key.Item4, Referrer = s.Key.Item5,
            Industry = s.Key.Item6, Occupation = s.Key.Item7, Region = UnknownRegion.Label, Count = s.Value,
        }));
        db.ItemDaily.AddRange(items.Select(i => new ItemDaily
        {
            Day = i.Key.Item1, Action = i.Key.Item2, ItemKind = i.Key.Item3, ItemKey = i.Key.Item4, DepartmentId = i.Value.Dept, Count = i.Value.Count,
        }));
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        for (var k = 0; k < 12; k++)
        {
            var d = datasets[Zipf(rng, datasets.Count)];
            db.AccessEvents.Add(new AccessEvent
            {
                At = now.AddMinutes(-k * 7), Day = AccessRecorder.Day(now.AddMinutes(-k * 7)), Action = AccessActions.View, Channel = AccessChannels.Page,
                ItemKind = AccessItems.Dataset, ItemKey = d.Id.ToString(), DepartmentId = d.DepartmentId, Referrer = Referrers[rng.Next(Referrers.Length)],
                Region = UnknownRegion.Label, Network = "192.0.2.0/24",
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Add(Dictionary<(int, string, string, string), (int Dept, long Count)> items, (int, string, string, string) key, int dept, long n) =>
        items[key] = (dept, items.GetValueOrDefault(key).Count + n);

    /// <summary>Popular items first: index i is picked with weight 1/(i+1).</summary>
    private static int Zipf(Random rng, int n)
    {
        var total = 0.0;
        for (var i = 0; i < n; i++) total += 1.0 / (i + 1);
        var x = rng.NextDouble() * total;
        for (var i = 0; i < n; i++) if ((x -= 1.0 / (i + 1)) <= 0) return i;
        return n - 1;
    }

    private static long Count(Random rng, int mean, double scale) => Math.Max(1, (long)Math.Round(mean * scale * (0.5 + rng.NextDouble())));
}
