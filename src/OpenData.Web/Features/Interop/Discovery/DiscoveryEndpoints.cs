using System.Text;

namespace OpenData.Web.Features.Interop.Discovery;

/// <summary>/sitemap.xml, /robots.txt, /feed.atom and /datasets/{slug}/datapackage.json.</summary>
public static class DiscoveryEndpoints
{
    public static void MapDiscoveryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", async (Sitemap s, CancellationToken ct) =>
            Results.Text(await s.XmlAsync(ct), "application/xml; charset=utf-8", Encoding.UTF8)).ExcludeFromDescription();
        app.MapGet("/robots.txt", (Sitemap s) => Results.Text(s.Robots(), "text/plain; charset=utf-8", Encoding.UTF8)).ExcludeFromDescription();
        app.MapGet("/feed.atom", async (SiteFeed f, CancellationToken ct) =>
            Results.Text(await f.AtomAsync(ct), "application/atom+xml; charset=utf-8", Encoding.UTF8)).ExcludeFromDescription();
        app.MapGet("/datasets/{slug}/datapackage.json", async (string slug, DataPackages p, CancellationToken ct) =>
                await p.ForAsync(slug, ct) is { } package
                    ? Results.Json(package, Json)
                    : Infrastructure.Web.ProblemDefaults.Problem(404, "not-found", "数据集不存在，或不属于无条件开放数据"))
            .WithTags("Interop").WithSummary("Frictionless data package of a dataset, with Table Schemas from its field dictionary")
            .Produces<DataPackage>(200).ProducesProblem(404);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };
}
