using System.Text;

namespace OpenData.Web.Features.Interop.Dcat;

/// <summary>/catalog.{ttl,jsonld,rdf}?page=N and /datasets/{slug}.{ttl,jsonld,rdf}.</summary>
public static class DcatEndpoints
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["ttl"] = "text/turtle", ["jsonld"] = "application/ld+json", ["rdf"] = "application/rdf+xml",
    };

    public static void MapDcatEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var ext in ContentTypes.Keys)
        {
            app.MapGet($"/catalog.{ext}", async (int? page, DcatGraphs graphs, CancellationToken ct) =>
                    await graphs.CatalogAsync(page ?? 1, ext, ct) is { } g ? Write(g, ext) : NotFound())
                .WithTags("Interop").WithSummary($"DCAT-AP 3.0 catalog ({ext}), 100 datasets per page (Hydra paging)")
                .Produces<string>(200, ContentTypes[ext]).ProducesProblem(404);
            app.MapGet("/datasets/{slug}." + ext, async (string slug, DcatGraphs graphs, CancellationToken ct) =>
                    await graphs.DatasetAsync(slug, ct) is { } g ? Write(g, ext) : NotFound())
                .WithTags("Interop").WithSummary($"DCAT-AP 3.0 description of one dataset ({ext})")
                .Produces<string>(200, ContentTypes[ext]).ProducesProblem(404);
        }
    }

    private static IResult Write(RdfGraph g, string ext) => Results.Text(ext switch
    {
        "ttl" => RdfWriters.Turtle(g),
        "jsonld" => RdfWriters.JsonLd(g),
        _ => RdfWriters.RdfXml(g),
    }, ContentTypes[ext] + "; charset=utf-8", Encoding.UTF8);

    private static IResult NotFound() => Infrastructure.Web.ProblemDefaults.Problem(404, "not-found", "数据集不存在，或不属于无条件开放数据");
}
