namespace OpenData.Web.Features.DataApis.Catalog;

/// <summary>
/// The addresses of the former interactive console (Scalar). It was removed (ADR 0190): its 4.9 MB script took
/// 2–4 s to the load event in Chromium on the target machine even from the cache, against a 1 s budget. The
/// Chinese reference (/developer/docs/api) is the reference, and each data API's page documents that API with
/// its OpenAPI document; old links to the console land there.
/// </summary>
public static class ApiReference
{
    /// <summary>The platform's API reference, in Chinese.</summary>
    public const string Platform = "/developer/docs/api";

    public static void MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapGet("/developer/reference/apis/{code}", (string code) => Results.Redirect($"/apis/{Uri.EscapeDataString(code)}", permanent: true))
            .ExcludeFromDescription();
        app.MapGet("/developer/reference/{**rest}", () => Results.Redirect(Platform, permanent: true)).ExcludeFromDescription();
    }
}
