using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;

namespace OpenData.Web.Features.Interaction;

/// <summary>GET /datasets/{slug}/feed.atom: the dataset's new versions and metadata changes as an Atom 1.0 feed.</summary>
public static class DatasetFeed
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";

    public static async Task<IResult> GetAsync(string slug, HttpContext http, PortalDbContext db, Subscriptions subs, CancellationToken ct)
    {
        var d = await db.Datasets.AsNoTracking().Where(x => x.Slug == slug && x.IsPublished)
            .Select(x => new { x.Id, x.Slug, x.Title, x.Summary, x.UpdatedAt, x.PublishedAt, Dept = x.Department!.Name }).FirstOrDefaultAsync(ct);
        if (d is null) return Results.NotFound();
        var updates = await subs.UpdatesAsync(d.Id, 50, ct);
        var site = $"{http.Request.Scheme}://{http.Request.Host}";
        var page = $"{site}/datasets/{d.Slug}";

        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, Async = false, OmitXmlDeclaration = true }))
        {
            w.WriteStartElement("feed", AtomNs);
            w.WriteElementString("id", AtomNs, $"{page}/feed.atom");
            w.WriteElementString("title", AtomNs, $"{d.Title} - 数据更新");
            w.WriteElementString("updated", AtomNs, Time(updates.FirstOrDefault()?.At ?? d.UpdatedAt));
            Link(w, page, "alternate");
            Link(w, $"{page}/feed.atom", "self");
            w.WriteStartElement("author", AtomNs);
            w.WriteElementString("name", AtomNs, d.Dept);
            w.WriteEndElement();
            var n = updates.Count;
            foreach (var u in updates)
            {
                w.WriteStartElement("entry", AtomNs);
                w.WriteElementString("id", AtomNs, $"{page}#update-{u.At.ToUnixTimeMilliseconds()}-{n--}");
                w.WriteElementString("title", AtomNs, u.Title);
                w.WriteElementString("updated", AtomNs, Time(u.At));
                w.WriteStartElement("category", AtomNs);
                w.WriteAttributeString("term", u.Kind);
                w.WriteEndElement();
                Link(w, page, "alternate");
                w.WriteElementString("summary", AtomNs, u.Summary);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + sb, "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>Shared with the other Atom feeds (政策动态).</summary>
    internal static void Link(XmlWriter w, string href, string rel)
    {
        w.WriteStartElement("link", AtomNs);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }

    internal static string Time(DateTimeOffset t) => XmlConvert.ToString(t.ToUniversalTime(), "yyyy-MM-ddTHH:mm:ssZ");
}
