using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenData.Web.Features.Datasets;
using static OpenData.Web.Features.Interop.Dcat.Vocab;

namespace OpenData.Web.Features.Interop.Dcat;

/// <summary>
/// The public catalog as DCAT-AP 3.0: the catalog (paged with Hydra, 100 datasets a page), its datasets,
/// distributions, publishers, contact points, themes, places, periods and licence.
/// </summary>
public sealed class DcatGraphs(PublicCatalog catalog, SiteUrl site, DatasetDownloads downloads, IOptions<InteropOptions> options)
{
    private string CatalogIri => site.Of("/catalog");
    private string DomainScheme => site.Of("/catalog/domains");

    /// <summary>One page of the catalog; null past the last page.</summary>
    public async Task<RdfGraph?> CatalogAsync(int page, string extension, CancellationToken ct)
    {
        var size = options.Value.CatalogPageSize;
        var total = await catalog.Datasets.CountAsync(ct);
        var last = Math.Max(1, (total + size - 1) / size);
        if (page < 1 || page > last) return null;
        var ids = await catalog.Datasets.OrderBy(d => d.Id).Skip((page - 1) * size).Take(size).Select(d => d.Id).ToListAsync(ct);
        var datasets = await catalog.LoadAsync(ids, ct);
        var modified = await catalog.Datasets.MaxAsync(d => (DateTimeOffset?)d.UpdatedAt, ct);
        var issued = await catalog.Datasets.MinAsync(d => d.PublishedAt, ct);
        var direct = await downloads.AnonymousOpenAllowedAsync(ct);

        var g = new RdfGraph();
        var c = new Iri(CatalogIri);
        g.Type(c, DcatNs + "Catalog");
        g.Add(c, Dct + "title", Zh("丽水市公共数据开放平台"));
        g.Add(c, Dct + "description", Zh("丽水市各部门依法开放的公共数据目录：数据集、数据文件及其数据接口。"));
        g.Add(c, Dct + "publisher", Publisher(g, "dsjj", "丽水市大数据发展管理局"));
        g.Add(c, Foaf + "homepage", site.Of("/"));
        g.Add(c, Dct + "language", DcatVocabularies.Chinese);
        g.Add(c, Dct + "license", Licence(g, "丽水市公共数据开放许可协议"));
        g.Add(c, Dct + "spatial", Place(g, "331100", "丽水市"));
        g.Add(c, DcatNs + "themeTaxonomy", Eu + "data-theme");
        g.Add(c, DcatNs + "themeTaxonomy", DomainScheme);
        if (issued is { } i) g.Add(c, Dct + "issued", DateTime(i));
        if (modified is { } m) g.Add(c, Dct + "modified", DateTime(m));
        foreach (var d in datasets)
            g.Add(c, DcatNs + "dataset", Dataset(g, d, direct));

        // Hydra paging in both forms harvesters look for: the current PartialCollectionView (first/last/next/previous)
        // and the older PagedCollection (firstPage/lastPage/nextPage/previousPage) that DCAT-AP harvesters still read.
        var self = new Iri(PageUrl(extension, page));
        g.Type(self, Hydra + "PartialCollectionView");
        g.Type(self, Hydra + "PagedCollection");
        g.Add(self, Hydra + "totalItems", Int(total, "nonNegativeInteger"));
        g.Add(self, Hydra + "itemsPerPage", Int(size, "nonNegativeInteger"));
        foreach (var (rel, target) in new[] { ("first", 1), ("last", last), ("previous", page - 1), ("next", page + 1) })
        {
            if (target < 1 || target > last) continue;
            g.Add(self, Hydra + rel, PageUrl(extension, target));
            g.Add(self, Hydra + rel + "Page", PageUrl(extension, target));
        }
        return g;
    }

    public async Task<RdfGraph?> DatasetAsync(string slug, CancellationToken ct)
    {
        if (await catalog.FindAsync(slug, ct) is not { } d) return null;
        var g = new RdfGraph();
        var iri = Dataset(g, d, await downloads.AnonymousOpenAllowedAsync(ct));
        g.Add(new Iri(CatalogIri), DcatNs + "dataset", iri);
        return g;
    }

    private string PageUrl(string extension, int page) => site.Of($"/catalog.{extension}?page={page}");

    private Iri Dataset(RdfGraph g, PublicDataset d, bool direct)
    {
        var page = site.Dataset(d.Slug);
        var s = new Iri(page);
        g.Type(s, DcatNs + "Dataset");
        g.Add(s, Dct + "title", Zh(d.Title));
        g.Add(s, Dct + "description", Zh(d.Summary.Length > 0 ? d.Summary : d.Title));
        g.Add(s, Dct + "identifier", new Literal(page));
        g.Add(s, DcatNs + "landingPage", page);
        g.Add(s, Dct + "publisher", Publisher(g, d.OrgCode, d.OrgName));
        g.Add(s, DcatNs + "contactPoint", Contact(g, d));
        foreach (var tag in d.Tags) g.Add(s, DcatNs + "keyword", Zh(tag));
        g.Add(s, DcatNs + "theme", DcatVocabularies.EuTheme(d.DomainId));
        g.Add(s, DcatNs + "theme", Domain(g, d.DomainId, d.DomainName));
        g.Add(s, Dct + "spatial", d.CountyCode is { } county ? Place(g, county, d.CountyName ?? d.SpatialCoverage) : Place(g, "331100", "丽水市"));
        if (DcatVocabularies.Period(d.TimeCoverage) is { } period)
        {
            var t = g.Blank();
            g.Type(t, Dct + "PeriodOfTime");
            g.Add(t, DcatNs + "startDate", Date(period.Start));
            g.Add(t, DcatNs + "endDate", Date(period.End));
            g.Add(s, Dct + "temporal", t);
        }
        g.Add(s, Dct + "accrualPeriodicity", DcatVocabularies.Frequency(d.Frequency));
        g.Add(s, Dct + "issued", DateTime(d.Issued));
        g.Add(s, Dct + "modified", DateTime(d.UpdatedAt));
        g.Add(s, Dct + "language", DcatVocabularies.Chinese);
        g.Add(s, Dct + "accessRights", Eu + "access-right/PUBLIC");
        foreach (var r in d.Resources) g.Add(s, DcatNs + "distribution", Distribution(g, d, r, direct));
        return s;
    }

    private Iri Distribution(RdfGraph g, PublicDataset d, PublicResource r, bool direct)
    {
        var s = new Iri(site.Dataset(d.Slug) + "/resources/" + r.Id);
        g.Type(s, DcatNs + "Distribution");
        g.Add(s, Dct + "title", Zh(r.Name));
        g.Add(s, Dct + "description", Zh($"{d.Title}：{r.Name}（{r.Format}，第 {r.Version} 版）"));
        g.Add(s, DcatNs + "accessURL", site.Dataset(d.Slug) + "#download");
        // The file itself only when anyone may fetch it (the site's anonymous-download setting).
        if (direct) g.Add(s, DcatNs + "downloadURL", site.Download(d.Slug, r.Id));
        g.Add(s, Dct + "format", DcatVocabularies.FileType(r.Format));
        g.Add(s, DcatNs + "mediaType", DcatVocabularies.MediaType(r.MediaType));
        if (r.Size > 0) g.Add(s, DcatNs + "byteSize", Int(r.Size, "nonNegativeInteger"));
        g.Add(s, Dct + "license", Licence(g, d.Licence));
        g.Add(s, Dct + "issued", DateTime(r.CreatedAt));
        g.Add(s, Dct + "modified", DateTime(r.UpdatedAt));
        return s;
    }

    private Iri Publisher(RdfGraph g, string code, string name)
    {
        var s = new Iri(site.Of("/datasets?org=" + Uri.EscapeDataString(code)));
        g.Type(s, Foaf + "Agent");
        g.Add(s, Foaf + "name", Zh(name));
        g.Add(s, Dct + "type", "http://purl.org/adms/publishertype/LocalAuthority");
        return s;
    }

    private static BlankNode Contact(RdfGraph g, PublicDataset d)
    {
        var s = g.Blank();
        g.Type(s, Vcard + "Organization");
        g.Add(s, Vcard + "fn", Zh(d.Contact.Length > 0 ? d.Contact : d.OrgName));
        g.Add(s, Vcard + "hasTelephone", DcatVocabularies.Telephone(d.Contact));
        return s;
    }

    private Iri Licence(RdfGraph g, string title)
    {
        var s = new Iri(site.Of("/agreements/download"));
        g.Type(s, Dct + "LicenseDocument");
        g.Add(s, Rdfs + "label", Zh(title.Length > 0 ? title : "丽水市公共数据开放许可协议"));
        return s;
    }

    private Iri Domain(RdfGraph g, int id, string name)
    {
        var s = new Iri($"{DomainScheme}/{id}");
        g.Type(s, Skos + "Concept");
        g.Add(s, Skos + "prefLabel", Zh(name));
        g.Add(s, Skos + "inScheme", DomainScheme);
        return s;
    }

    private Iri Place(RdfGraph g, string adcode, string name)
    {
        var s = new Iri(site.Of("/catalog/places/" + adcode));
        g.Type(s, Dct + "Location");
        g.Add(s, Skos + "prefLabel", Zh(name));
        g.Add(s, Dct + "identifier", new Literal(adcode));
        return s;
    }
}
