using Microsoft.AspNetCore.Hosting;
using OpenData.IntegrationTests.Infrastructure;
using static OpenData.IntegrationTests.Features.Interop.InteropKit;

namespace OpenData.IntegrationTests.Features.Interop;

/// <summary>DCAT-AP 3.0: the catalog and dataset documents parse as RDF in all three syntaxes and carry the required properties.</summary>
public abstract class DcatTests(PortalFactory factory)
{
    private const string Dcat = "http://www.w3.org/ns/dcat#", Dct = "http://purl.org/dc/terms/", Foaf = "http://xmlns.com/foaf/0.1/",
        Vcard = "http://www.w3.org/2006/vcard/ns#", Hydra = "http://www.w3.org/ns/hydra/core#", Xsd = "http://www.w3.org/2001/XMLSchema#",
        Eu = "http://publications.europa.eu/resource/authority/";

    private async Task<(string Body, string ContentType)> GetAsync(string path)
    {
        var res = await factory.CreateClient().GetAsync(path);
        Assert.Equal(200, (int)res.StatusCode);
        return (await res.Content.ReadAsStringAsync(), res.Content.Headers.ContentType!.MediaType!);
    }

    private async Task<RdfView> CatalogAsync()
    {
        var (ttl, ttlType) = await GetAsync("/catalog.ttl");
        var (jsonld, jsonType) = await GetAsync("/catalog.jsonld");
        var (rdf, rdfType) = await GetAsync("/catalog.rdf");
        Assert.Equal(("text/turtle", "application/ld+json", "application/rdf+xml"), (ttlType, jsonType, rdfType));
        var fromTurtle = new RdfView(RdfParsers.Turtle(ttl));
        // The three syntaxes say the same graph; only the page's own address (catalog.ttl?page=1 …) differs.
        static HashSet<Statement> Norm(IEnumerable<Statement> s) =>
            s.Select(x => x with { S = x.S.Replace(".jsonld?", ".ttl?").Replace(".rdf?", ".ttl?"), O = x.O.Replace(".jsonld?", ".ttl?").Replace(".rdf?", ".ttl?") }).ToHashSet();
        var t = Norm(fromTurtle.All);
        Assert.True(t.SetEquals(Norm(RdfParsers.JsonLd(jsonld))), "JSON-LD and Turtle differ");
        Assert.True(t.SetEquals(Norm(RdfParsers.RdfXml(rdf))), "RDF/XML and Turtle differ");
        return fromTurtle;
    }

    [Fact]
    public async Task The_catalog_parses_identically_in_three_syntaxes_and_has_dcat_ap_mandatory_and_recommended_properties()
    {
        var g = await CatalogAsync();
        var catalog = Assert.Single(g.OfType(Dcat + "Catalog"));
        foreach (var p in new[] { Dct + "title", Dct + "description", Dct + "publisher" }) Assert.NotEmpty(g.Objects(catalog, p));
        foreach (var p in new[] { Dcat + "dataset", Foaf + "homepage", Dct + "language", Dct + "license", Dct + "modified", Dcat + "themeTaxonomy", Dct + "spatial" })
            Assert.NotEmpty(g.Objects(catalog, p));
        Assert.Contains("\"丽水市大数据发展管理局\"@zh", g.Objects(g.Objects(catalog, Dct + "publisher").Single(), Foaf + "name"));

        var datasets = g.Objects(catalog, Dcat + "dataset").ToList();
        Assert.Equal(g.OfType(Dcat + "Dataset").Count, datasets.Count);
        var view = Assert.Single(g.OfType(Hydra + "PartialCollectionView"));
        Assert.Equal($"\"{datasets.Count}\"^^<{Xsd}nonNegativeInteger>", g.Objects(view, Hydra + "totalItems").Single());
        Assert.Equal($"\"100\"^^<{Xsd}nonNegativeInteger>", g.Objects(view, Hydra + "itemsPerPage").Single());
        Assert.EndsWith("/catalog.ttl?page=1>", g.Objects(view, Hydra + "first").Single());
        Assert.Equal(404, (int)(await factory.CreateClient().GetAsync("/catalog.ttl?page=2")).StatusCode);
    }

    [Fact]
    public async Task Catalog_pages_link_first_last_next_and_previous_and_together_hold_every_dataset_once()
    {
        var all = (await CatalogAsync()).OfType(Dcat + "Dataset");
        using var paged = factory.WithWebHostBuilder(b => b.UseSetting("Interop:CatalogPageSize", "10"));
        var client = paged.CreateClient();
        var last = (all.Count + 9) / 10;
        var seen = new List<string>();
        for (var page = 1; page <= last; page++)
        {
            var g = new RdfView(RdfParsers.Turtle(await client.GetStringAsync($"/catalog.ttl?page={page}")));
            var view = $"<http://localhost/catalog.ttl?page={page}>";
            Assert.Equal($"<http://localhost/catalog.ttl?page={last}>", g.Objects(view, Hydra + "last").Single());
            Assert.Equal(g.Objects(view, Hydra + "next"), g.Objects(view, Hydra + "nextPage"));
            Assert.Equal(page < last ? [$"<http://localhost/catalog.ttl?page={page + 1}>"] : [], g.Objects(view, Hydra + "next"));
            Assert.Equal(page > 1 ? [$"<http://localhost/catalog.ttl?page={page - 1}>"] : [], g.Objects(view, Hydra + "previous"));
            seen.AddRange(g.OfType(Dcat + "Dataset"));
        }
        Assert.True(last >= 3, "the demo catalog should span several pages of 10");
        Assert.Equal(all.Order(), seen.Order());
        Assert.Equal(404, (int)(await client.GetAsync($"/catalog.ttl?page={last + 1}")).StatusCode);
    }

    [Fact]
    public async Task Every_dataset_and_distribution_has_the_properties_dcat_ap_requires_and_the_recommended_ones_the_platform_has()
    {
        var g = await CatalogAsync();
        foreach (var d in g.OfType(Dcat + "Dataset"))
        {
            foreach (var p in new[] { Dct + "title", Dct + "description", Dcat + "contactPoint", Dcat + "distribution", Dcat + "keyword",
                         Dct + "publisher", Dct + "spatial", Dcat + "theme", Dct + "accrualPeriodicity", Dct + "issued", Dct + "modified", Dcat + "landingPage" })
                Assert.True(g.Objects(d, p).Any(), $"{d} lacks {p}");
            Assert.Contains(g.Objects(d, Dcat + "theme"), t => t.StartsWith($"<{Eu}data-theme/") || t.Contains("/catalog/domains/"));
            Assert.StartsWith($"<{Eu}frequency/", g.Objects(d, Dct + "accrualPeriodicity").Single());
            Assert.NotEmpty(g.Objects(g.Objects(d, Dct + "publisher").Single(), Foaf + "name"));
            Assert.NotEmpty(g.Objects(g.Objects(d, Dcat + "contactPoint").Single(), Vcard + "fn"));
            foreach (var dist in g.Objects(d, Dcat + "distribution"))
            {
                Assert.Single(g.Objects(dist, Dcat + "accessURL"));
                Assert.StartsWith($"<{Eu}file-type/", g.Objects(dist, Dct + "format").Single());
                Assert.StartsWith("<https://www.iana.org/assignments/media-types/", g.Objects(dist, Dcat + "mediaType").Single());
                Assert.EndsWith($"^^<{Xsd}nonNegativeInteger>", g.Objects(dist, Dcat + "byteSize").Single());
                Assert.NotEmpty(g.Objects(dist, Dct + "license"));
                Assert.Empty(g.Objects(dist, Dcat + "downloadURL")); // anonymous download is off by default
            }
        }
        var air = $"<http://localhost/datasets/{OpenSlug}>";
        Assert.Contains($"<{Eu}data-theme/ENVI>", g.Objects(air, Dcat + "theme"));
        Assert.Contains($"<{Eu}frequency/DAILY>", g.Objects(air, Dct + "accrualPeriodicity"));
        var period = g.Objects(air, Dct + "temporal").Single();
        Assert.Matches($@"^""\d{{4}}-\d\d-\d\d""\^\^<{Xsd}date>$", g.Objects(period, Dcat + "startDate").Single());
    }

    [Fact]
    public async Task A_dataset_document_exists_in_three_syntaxes_and_gives_download_urls_only_when_anonymous_download_is_on()
    {
        foreach (var ext in new[] { "ttl", "jsonld", "rdf" }) await GetAsync($"/datasets/{OpenSlug}.{ext}");
        var (ttl, _) = await GetAsync($"/datasets/{OpenSlug}.ttl");
        Assert.DoesNotContain("downloadURL", ttl);
        await factory.SetAnonymousDownloadAsync(true);
        try
        {
            var g = new RdfView(RdfParsers.Turtle((await GetAsync($"/datasets/{OpenSlug}.ttl")).Body));
            var dist = g.Objects($"<http://localhost/datasets/{OpenSlug}>", Dcat + "distribution").First();
            var url = g.Objects(dist, Dcat + "downloadURL").Single().Trim('<', '>');
            Assert.Equal(200, (int)(await factory.CreateClient().GetAsync(new Uri(url).PathAndQuery)).StatusCode);
        }
        finally { await factory.SetAnonymousDownloadAsync(false); }
    }

    [Fact]
    public async Task Restricted_and_unpublished_datasets_are_in_no_dcat_document()
    {
        var unpublished = await factory.UnpublishedDatasetAsync("DCAT未发布数据集");
        foreach (var ext in new[] { "ttl", "jsonld", "rdf" })
        {
            var (body, _) = await GetAsync($"/catalog.{ext}");
            Assert.DoesNotContain(RestrictedSlug, body);
            Assert.DoesNotContain(unpublished, body);
            Assert.Equal(404, (int)(await factory.CreateClient().GetAsync($"/datasets/{RestrictedSlug}.{ext}")).StatusCode);
            Assert.Equal(404, (int)(await factory.CreateClient().GetAsync($"/datasets/{unpublished}.{ext}")).StatusCode);
        }
    }
}

/// <summary>Look-ups over parsed statements.</summary>
public sealed class RdfView(List<Statement> statements)
{
    public List<Statement> All => statements;
    public IEnumerable<string> Objects(string subject, string predicate) =>
        statements.Where(s => s.S == subject && s.P == $"<{predicate}>").Select(s => s.O);
    public List<string> OfType(string type) =>
        statements.Where(s => s.P == $"<{RdfParsers.Rdf}type>" && s.O == $"<{type}>").Select(s => s.S).Distinct().ToList();
}

public sealed class DcatTestsSqlite(SqlitePortalFactory f) : DcatTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class DcatTestsPostgres(PostgresPortalFactory f) : DcatTests(f), IClassFixture<PostgresPortalFactory>;
