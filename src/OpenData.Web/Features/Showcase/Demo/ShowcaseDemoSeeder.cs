using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Features.Interaction;
using OpenData.Web.Infrastructure.Data;
using OpenData.Web.Infrastructure.Images;

namespace OpenData.Web.Features.Showcase.Demo;

/// <summary>
/// 示例 entries (12, across the four types), linked to demo datasets and their APIs, with screenshots drawn
/// here, some ratings and comments. Added only when the database has demo datasets and no showcase entries.
/// </summary>
public sealed class ShowcaseDemoSeeder : IDemoSeeder
{
    public int Order => 30;

    private static readonly (ShowcaseType Type, string Name, string Team, string Summary, string Tags, string Datasets)[] Entries =
    [
        (ShowcaseType.Service, "丽水空气质量随手查", "绿谷数据工作室", "按区县查看实时空气质量和近 30 天变化趋势，出行前看一眼，敏感人群可设置提醒。", "空气质量,环保,小程序", "kongqi-zhiliang-ribao,kongqi-jiance-zhandian"),
        (ShowcaseType.Service, "学区地图", "丽水师范学院数据社团", "把全市中小学位置、学区范围和招生信息放在一张地图上，帮助家长了解就近入学。", "教育,地图,学区", "zhongxiaoxue-xuequ,zhongxiaoxue-minglu"),
        (ShowcaseType.Service, "就医导航", "瓯江健康科技", "根据位置推荐附近医疗机构，显示科室和等级，支持一键导航。", "医疗,导航", "yiliao-jigou-minglu,lingshou-yaodian"),
        (ShowcaseType.Service, "公交到站提醒", "莲都出行团队", "整合公交线路与站点数据，规划换乘方案并提醒到站时间。", "交通,公交", "gongjiao-xianlu,gongjiao-zhandian"),
        (ShowcaseType.Media, "丽水旅游数据年报", "处州文旅传媒", "用图表讲述全市景区客流、农家乐发展和节假日出游趋势，可下载 PDF 报告。", "旅游,年报,可视化", "a-ji-jingqu,nongjiale-minsu"),
        (ShowcaseType.Media, "数说丽水生态", "丽水日报新媒体中心", "以交互图文呈现水质、空气和森林覆盖率的十年变化，适合嵌入新闻页面。", "生态,新闻,嵌入", "dibiaoshui-shuizhi-yuebao,kongqi-zhiliang-ribao"),
        (ShowcaseType.Media, "农家乐地图册", "云和乡村振兴工作室", "按乡镇整理农家乐分布与特色，配合公众号推送，方便游客规划乡村游。", "农家乐,乡村旅游", "nongjiale-minsu,a-ji-jingqu"),
        (ShowcaseType.Solution, "智慧停车诱导方案", "丽水城市大脑创新组", "利用停车场开放数据预测泊位变化，为主城区停车诱导屏提供数据方案。", "停车,交通,方案", "gonggong-tingchechang,chongdianzhuang"),
        (ShowcaseType.Solution, "山区应急物资调度方案", "浙西南应急研究团队", "结合道路、避灾点与人口分布数据，给出山区汛期物资预置与调度建议。", "应急,调度", "binan-changsuo,shuiku-jiben-xinxi"),
        (ShowcaseType.Solution, "企业信用画像方案", "丽水金融科技联盟", "基于企业登记与信用公开数据构建画像指标，服务普惠金融授信。", "信用,金融", "qiye-xinyong-pingjia,xingzheng-xuke"),
        (ShowcaseType.Research, "丽水市人口流动与公共服务配置研究", "浙江大学丽水研究院课题组", "分析人口分布与医疗、教育设施的可达性差异，提出设施布局优化建议。", "人口,公共服务,研究", "yiliao-jigou-minglu,zhongxiaoxue-minglu"),
        (ShowcaseType.Research, "瓯江流域水质时空变化研究", "丽水学院生态环境学院", "利用多年水质监测数据研究瓯江流域主要指标的时空变化规律。", "水质,瓯江,研究", "dibiaoshui-shuizhi-yuebao,shuiwei-shishi"),
    ];

    public async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        if (await db.ShowcaseEntries.AnyAsync(ct)) return;
        var datasets = await db.Datasets.AsNoTracking().Where(d => d.IsPublished).OrderBy(d => d.Id)
            .Select(d => new { d.Slug, d.DomainId, Api = d.Resources.Where(r => r.ApiCode != "").OrderBy(r => r.Id).Select(r => r.ApiCode).FirstOrDefault() })
            .ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.UserName == "developer" || u.UserName == "provider" || u.UserName == "reviewer" || u.UserName == "admin")
            .Select(u => new { u.Id, u.UserName }).ToListAsync(ct);
        var owner = users.FirstOrDefault(u => u.UserName == "developer");
        if (datasets.Count == 0 || owner is null) return;
        var images = sp.GetRequiredService<ImagePipeline>();
        var segmenter = sp.GetRequiredService<ChineseSegmenter>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        for (var n = 0; n < Entries.Length; n++)
        {
            var (type, name, team, summary, tags, wanted) = Entries[n];
            // The demo catalog's datasets the entry is about; any published ones when the catalog differs.
            var picks = wanted.Split(',').Select(w => datasets.FirstOrDefault(x => x.Slug == w)).ToList();
            var d = picks[0] ?? datasets[n * 7 % datasets.Count];
            var d2 = picks[1] ?? datasets[(n * 7 + 3) % datasets.Count];
            var published = now.AddDays(-(Entries.Length - n) * 5);
            var revision = new ShowcaseRevision
            {
                IsPublished = true, Type = type, Name = name, Tags = tags, DomainId = d.DomainId, TeamName = team, TeamContact = "demo@example.cn",
                Summary = summary, Url = type == ShowcaseType.Service ? $"https://apps.example.cn/demo-{n + 1}" : null,
                EmbedCode = type == ShowcaseType.Media ? $"<iframe src=\"https://apps.example.cn/embed/demo-{n + 1}\" width=\"100%\" height=\"480\" title=\"{name}\"></iframe>" : null,
                CreatedAt = published, SearchText = " " + segmenter.IndexText(name + " " + tags.Replace(',', ' ') + " " + summary) + " ",
                Links = [new ShowcaseLink { Kind = ItemKinds.Dataset, Key = d.Slug }],
            };
            if (d2.Slug != d.Slug) revision.Links.Add(new ShowcaseLink { Kind = ItemKinds.Dataset, Key = d2.Slug });
            if (d.Api is { } api) revision.Links.Add(new ShowcaseLink { Kind = ItemKinds.Api, Key = api });
            for (var i = 0; i < 2 + n % 2; i++)
            {
                using var bitmap = DemoScreens.Draw(n, i + n);
                var stored = await images.StoreDrawnAsync(bitmap, ct);
                revision.Images.Add(new ShowcaseImage { Order = i, Hash = stored.Hash, ThumbHash = stored.ThumbHash, MediaType = stored.MediaType, Width = stored.Width, Height = stored.Height, Alt = $"{name} 界面截图 {i + 1}（示例）" });
            }
            var entry = new ShowcaseEntry
            {
                OwnerId = owner.Id, Status = ShowcaseStatus.Approved, IsDemo = true, CreatedAt = published, UpdatedAt = published, PublishedAt = published,
                ReviewedAt = published, ViewCount = 40 + n * 37 % 300, DownloadCount = n * 13 % 90, LinkState = LinkState.Unchecked, Revisions = [revision],
            };
            db.ShowcaseEntries.Add(entry);
            await db.SaveChangesAsync(ct);
            await AddOpinionsAsync(db, entry, n, users.Select(u => (u.Id, u.UserName ?? "")).ToList(), published, ct);
        }
    }

    /// <summary>A few ratings and comments, and the entry's figures computed from them.</summary>
    private static async Task AddOpinionsAsync(PortalDbContext db, ShowcaseEntry entry, int n, List<(string Id, string Name)> users, DateTimeOffset at, CancellationToken ct)
    {
        var key = entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var raters = users.Take(1 + n % users.Count).ToList();
        foreach (var (u, i) in raters.Select((u, i) => (u, i)))
            db.Ratings.Add(new Rating { UserId = u.Id, ItemKind = ItemKinds.App, ItemKey = key, Stars = 3 + (n + i) % 3, CreatedAt = at, UpdatedAt = at });
        if (n % 3 == 0)
            db.Comments.Add(new Comment
            {
                ItemKind = ItemKinds.App, ItemKey = key, DepartmentCode = AppItemResolver.OperatorDepartment, UserId = raters[0].Id, UserName = raters[0].Name,
                Body = "界面清楚，数据更新也及时，希望增加更多区县的数据。", Status = CommentStatus.Visible, CreatedAt = at.AddDays(1),
            });
        await db.SaveChangesAsync(ct);
        var stars = raters.Select((_, i) => 3 + (n + i) % 3).ToList();
        entry.RatingCount = stars.Count;
        entry.RatingAverage = Math.Round(stars.Average(), 1);
        await db.SaveChangesAsync(ct);
    }
}
