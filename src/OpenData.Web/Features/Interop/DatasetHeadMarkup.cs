using System.Text;
using System.Text.Encodings.Web;
using OpenData.Web.Features.Datasets;

namespace OpenData.Web.Features.Interop;

/// <summary>The dataset page's machine-readable head: schema.org JSON-LD and links to its DCAT and data package
/// documents. Public (published, 无条件开放) datasets only. Queries in a scope of its own: the page's parts render
/// concurrently and may be using the request's DbContext.</summary>
public sealed class DatasetHeadMarkup(IServiceScopeFactory scopes) : IDatasetHeadMarkup
{
    public async Task<string> HeadAsync(string slug, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (await services.GetRequiredService<PublicCatalog>().FindAsync(slug, ct) is not { } d) return "";
        var direct = await services.GetRequiredService<DatasetDownloads>().AnonymousOpenAllowedAsync(ct);
        var site = services.GetRequiredService<SiteUrl>();
        var path = HtmlEncoder.Default.Encode("/datasets/" + Uri.EscapeDataString(d.Slug));
        // The JSON serializer escapes <, > and & (\u003C…), so the script element cannot be closed from inside.
        return new StringBuilder()
            .Append("<script type=\"application/ld+json\">").Append(SchemaOrgDataset.Json(d, site, direct)).Append("</script>\n")
            .Append($"<link rel=\"alternate\" type=\"text/turtle\" title=\"DCAT-AP (Turtle)\" href=\"{path}.ttl\" />\n")
            .Append($"<link rel=\"alternate\" type=\"application/ld+json\" title=\"DCAT-AP (JSON-LD)\" href=\"{path}.jsonld\" />\n")
            .Append($"<link rel=\"alternate\" type=\"application/rdf+xml\" title=\"DCAT-AP (RDF/XML)\" href=\"{path}.rdf\" />\n")
            .Append($"<link rel=\"describedby\" type=\"application/json\" title=\"Data Package\" href=\"{path}/datapackage.json\" />\n")
            .ToString();
    }
}
