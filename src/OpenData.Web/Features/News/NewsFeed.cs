using System.Text;
using System.Xml;
using OpenData.Web.Infrastructure.Text;
using static OpenData.Web.Features.Interaction.DatasetFeed;

namespace OpenData.Web.Features.News;

/// <summary>GET /news/feed.atom[?category=policy]: the latest published articles, all or of one category, as Atom 1.0.</summary>
public static class NewsFeed
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const int Entries = 30;

    public static async Task<IResult> GetAsync(string? category, HttpContext http, NewsQueries queries, SafeMarkdown markdown, CancellationToken ct)
    {
        var c = NewsCategories.Parse(category);
        if (!string.IsNullOrEmpty(category) && c is null) return Results.NotFound();
        var items = (await queries.ListAsync(c, null, 1, Entries, ct)).Items;
        var site = $"{http.Request.Scheme}://{http.Request.Host}";
        var self = $"{site}/news/feed.atom" + (c is { } k ? "?category=" + NewsCategories.Key(k) : "");
        var title = "政策动态" + (c is { } l ? " · " + NewsCategories.Label(l) : "") + " - 丽水市公共数据开放平台";

        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            w.WriteStartElement("feed", AtomNs);
            w.WriteElementString("id", AtomNs, self);
            w.WriteElementString("title", AtomNs, title);
            w.WriteElementString("updated", AtomNs, Time(items.FirstOrDefault()?.PublishedAt ?? DateTimeOffset.UnixEpoch));
            Link(w, $"{site}/news" + (c is { } q ? "?category=" + NewsCategories.Key(q) : ""), "alternate");
            Link(w, self, "self");
            w.WriteStartElement("author", AtomNs);
            w.WriteElementString("name", AtomNs, "丽水市大数据发展管理局");
            w.WriteEndElement();
            foreach (var a in items)
            {
                var page = $"{site}/news/{a.Id}";
                w.WriteStartElement("entry", AtomNs);
                w.WriteElementString("id", AtomNs, page);
                w.WriteElementString("title", AtomNs, a.Title);
                w.WriteElementString("updated", AtomNs, Time(a.PublishedAt ?? DateTimeOffset.UnixEpoch));
                w.WriteElementString("published", AtomNs, Time(a.PublishedAt ?? DateTimeOffset.UnixEpoch));
                w.WriteStartElement("category", AtomNs);
                w.WriteAttributeString("term", NewsCategories.Key(a.Category));
                w.WriteAttributeString("label", a.CategoryLabel);
                w.WriteEndElement();
                Link(w, page, "alternate");
                // Plain text only: a feed reader never receives the article's markup.
                w.WriteElementString("summary", AtomNs, string.IsNullOrWhiteSpace(a.Summary) ? a.Title : markdown.ToPlainText(a.Summary));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + sb, "application/atom+xml; charset=utf-8", Encoding.UTF8);
    }
}
