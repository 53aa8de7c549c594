namespace OpenData.Web.Infrastructure.Web;

/// <summary>
/// Baseline headers on every response. Scripts may come only from our own origin: no inline script but a
/// page's import map, admitted by its hash (<see cref="AssetImportMap"/>).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>Extra image origins one response admits (the map page's configured tile server), space-separated.</summary>
    public const string ImageSourcesKey = "odp:csp-img-src";

    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            // A page's one inline script, its import map, admitted by hash (AssetImportMap).
            h.ContentSecurityPolicy = AssetImportMap.CspSourceFor(context) is { } importMap
                ? Csp.Replace("script-src 'self'", $"script-src 'self' {importMap}", StringComparison.Ordinal) : Csp;
            if (context.Items[ImageSourcesKey] is string images)
                h.ContentSecurityPolicy = h.ContentSecurityPolicy.ToString().Replace("img-src 'self'", $"img-src 'self' {images}", StringComparison.Ordinal);
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
