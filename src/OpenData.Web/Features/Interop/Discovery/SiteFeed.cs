using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Features.Datasets;

namespace OpenData.Web.Features.Interop.Discovery;

public sealed record FeedEntry(string Id, string Title, string Summary, string Link, string Category, DateTimeOffset Published, DateTimeOffset Updated);

/// <summary>
/// GET /feed.atom: the newest and latest-updated public datasets and APIs, one entry each, newest change first.
/// An entry's id is stable; its updated time moves with each change, which is how feed readers see updates.
/// </summary>
public sealed class SiteFeed(PortalDbContext db, PublicCatalog catalog, SiteUrl site)
{
    public const int Size = 50;
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    public async Task<List<FeedEntry>> EntriesAsync(CancellationToken ct)
    {
        var datasets = await catalog.Datasets.OrderByDescending(d => d.UpdatedAt).Take(Size)
            .Select(d => new { d.Slug, d.Title, d.Summary, d.PublishedAt, d.CreatedAt, d.UpdatedAt, Org = d.Department!.Name }).ToListAsync(ct);
        var dataApis = await catalog.Datasets.SelectMany(d => d.Resources)
            .Where(r => r.Versions.Any(v => v.Number == r.CurrentVersion && v.TableName != null))
            .OrderByDescending(r => r.UpdatedAt).Take(Size)
            .Select(r => new { r.ApiCode, r.Name, Dataset = r.Dataset!.Title, r.CreatedAt, r.UpdatedAt, Org = r.Dataset.Department!.Name }).ToListAsync(ct);
        var services = await db.ServiceApis.AsNoTracking().Where(s => s.IsPublished).OrderByDescending(s => s.UpdatedAt).Take(Size)
            .Select(s => new { s.Code, s.Name, s.Description, s.CreatedAt, s.UpdatedAt, Org = s.Department!.Name }).ToListAsync(ct);
        return datasets.Select(d =>
            {
                var published = d.PublishedAt ?? d.CreatedAt;
                var isNew = d.UpdatedAt - published < TimeSpan.FromMinutes(1);
                return new FeedEntry(site.Dataset(d.Slug), (isNew ? "新发布数据集：" : "数据集更新：") + d.Title,
                    $"{d.Org}｜{DatasetQueries.Excerpt(d.Summary, 200)}", site.Dataset(d.Slug), "数据集", published, d.UpdatedAt);
            })
            .Concat(dataApis.Select(a => new FeedEntry(site.Of("/apis/" + a.ApiCode), "数据接口：" + DataApis.Catalog.ApiCatalog.DataName(a.Dataset, a.Name),
                $"{a.Org}｜{a.Dataset} 的数据接口（接口编码 {a.ApiCode}）", site.Of("/apis/" + a.ApiCode), "数据接口", a.CreatedAt, a.UpdatedAt)))
            .Concat(services.Select(s => new FeedEntry(site.Of("/apis/" + s.Code), "服务接口：" + s.Name,
                $"{s.Org}｜{DatasetQueries.Excerpt(s.Description, 200)}", site.Of("/apis/" + s.Code), "服务接口", s.CreatedAt, s.UpdatedAt)))
            .OrderByDescending(e => e.Updated).Take(Size).ToList();
    }

    public async Task<string> AtomAsync(CancellationToken ct)
    {
        var entries = await EntriesAsync(ct);
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            w.WriteStartElement("feed", AtomNs);
            w.WriteAttributeString("xml", "lang", null, "zh-CN");
            w.WriteElementString("id", AtomNs, site.Of("/feed.atom"));
            w.WriteElementString("title", AtomNs, "丽水市公共数据开放平台 - 数据集与接口更新");
            w.WriteElementString("subtitle", AtomNs, "新发布和更新的无条件开放数据集、数据接口与服务接口");
            w.WriteElementString("updated", AtomNs, Time(entries.FirstOrDefault()?.Updated ?? DateTimeOffset.UnixEpoch));
            Link(w, site.Of("/"), "alternate", "text/html");
            Link(w, site.Of("/feed.atom"), "self", "application/atom+xml");
            w.WriteStartElement("author", AtomNs);
            w.WriteElementString("name", AtomNs, "丽水市大数据发展管理局");
            w.WriteEndElement();
            foreach (var e in entries)
            {
                w.WriteStartElement("entry", AtomNs);
                w.WriteElementString("id", AtomNs, e.Id);
                w.WriteElementString("title", AtomNs, e.Title);
                w.WriteElementString("published", AtomNs, Time(e.Published));
                w.WriteElementString("updated", AtomNs, Time(e.Updated));
                w.WriteStartElement("category", AtomNs);
                w.WriteAttributeString("term", e.Category);
                w.WriteEndElement();
                Link(w, e.Link, "alternate", "text/html");
                w.WriteElementString("summary", AtomNs, e.Summary);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + sb;
    }

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ");

    private static void Link(XmlWriter w, string href, string rel, string type)
    {
        w.WriteStartElement("link", AtomNs);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }
}
