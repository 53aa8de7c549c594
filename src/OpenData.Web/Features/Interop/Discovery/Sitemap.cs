using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Interop.Discovery;

public sealed record SitemapEntry(string Path, DateTimeOffset LastModified);

/// <summary>
/// More public pages for /sitemap.xml: a feature whose pages are not in the navigation bar (news articles,
/// showcase apps…) registers one of these. Only pages anyone may see belong here.
/// </summary>
public interface ISitemapSource
{
    Task<IReadOnlyList<SitemapEntry>> EntriesAsync(CancellationToken ct);
}

/// <summary>
/// GET /sitemap.xml: the navigation bar's sections and the about pages (stamped with the catalog's latest change),
/// every public dataset page and every API page of a public dataset or published service API.
/// </summary>
public sealed class Sitemap(PortalDbContext db, PublicCatalog catalog, SiteUrl site, NavRegistry nav, IEnumerable<ISitemapSource> sources)
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly string[] AboutPages = ["/catalog", "/about/contact", "/about/accessibility", "/about/privacy", "/about/user-agreement"];

    public async Task<List<SitemapEntry>> EntriesAsync(CancellationToken ct)
    {
        var datasets = await catalog.Datasets.Select(d => new { d.Slug, d.UpdatedAt }).ToListAsync(ct);
        var dataApis = await catalog.Datasets.SelectMany(d => d.Resources)
            .Where(r => r.Versions.Any(v => v.Number == r.CurrentVersion && v.TableName != null))
            .Select(r => new { r.ApiCode, r.UpdatedAt }).ToListAsync(ct);
        var services = await db.ServiceApis.AsNoTracking().Where(s => s.IsPublished).Select(s => new { s.Code, s.UpdatedAt }).ToListAsync(ct);
        var latest = datasets.Select(d => d.UpdatedAt).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        var entries = nav.Items.Select(i => i.Href).Concat(AboutPages).Distinct().Select(p => new SitemapEntry(p, latest)).ToList();
        entries.AddRange(datasets.Select(d => new SitemapEntry("/datasets/" + Uri.EscapeDataString(d.Slug), d.UpdatedAt)));
        entries.AddRange(dataApis.Concat(services.Select(s => new { ApiCode = s.Code, s.UpdatedAt }))
            .Select(a => new SitemapEntry("/apis/" + Uri.EscapeDataString(a.ApiCode), a.UpdatedAt)));
        foreach (var source in sources) entries.AddRange(await source.EntriesAsync(ct));
        return entries.DistinctBy(e => e.Path).ToList();
    }

    public async Task<string> XmlAsync(CancellationToken ct)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            w.WriteStartElement("urlset", Ns);
            foreach (var e in await EntriesAsync(ct))
            {
                w.WriteStartElement("url", Ns);
                w.WriteElementString("loc", Ns, site.Of(e.Path));
                w.WriteElementString("lastmod", Ns, e.LastModified.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ"));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + sb;
    }

    /// <summary>Crawlers keep out of the back office, personal and sign-in pages and the JSON APIs.</summary>
    public string Robots() => string.Join('\n',
        "User-agent: *",
        "Disallow: /admin", "Disallow: /manage", "Disallow: /me", "Disallow: /account", "Disallow: /interact/workbench",
        "Disallow: /api/", "Disallow: /*?*downloadError=",
        "Allow: /",
        "",
        "Sitemap: " + site.Of("/sitemap.xml"),
        "");
}
