using System.Collections.Concurrent;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenData.Web.Features.DeveloperCenter;

/// <summary>
/// /openapi/v1.json served from memory. The built-in endpoint rebuilds the document from every endpoint's metadata
/// on each request (0.1–0.8 s on 2 cores), and the interactive console fetches it on every visit. The document only
/// changes when the app is deployed, so it is built once per origin (its "servers" entry names the request's host).
/// A literal route wins over the generic /openapi/{documentName}.json.
/// </summary>
public static class PublicOpenApiCache
{
    // Bounded: the Host header comes from the client, so an unknown host is served but never stored beyond this.
    private const int MaxOrigins = 8;
    private static readonly ConcurrentDictionary<string, Task<string>> Documents = new(StringComparer.OrdinalIgnoreCase);

    public static void MapCachedPublicOpenApi(this IEndpointRouteBuilder app) =>
        app.MapGet($"/openapi/{OpenApiDocuments.Public}.json", async (HttpContext http, CancellationToken ct) =>
        {
            var origin = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
            var json = Documents.TryGetValue(origin, out var cached) ? await cached
                : Documents.Count < MaxOrigins ? await Documents.GetOrAdd(origin, _ => BuildAsync(http.RequestServices))
                : await BuildAsync(http.RequestServices);
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text(json, "application/json; charset=utf-8");
        }).ExcludeFromDescription();

    private static async Task<string> BuildAsync(IServiceProvider services)
    {
        var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>(OpenApiDocuments.Public);
        var doc = await provider.GetOpenApiDocumentAsync(CancellationToken.None);
        return await doc.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, CancellationToken.None);
    }
}
