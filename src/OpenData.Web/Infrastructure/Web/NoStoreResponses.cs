namespace OpenData.Web.Infrastructure.Web;

public static class NoStoreResponses
{
    /// <summary>
    /// Marks an endpoint's responses Cache-Control: no-store. Downloads are counted, audited and subject to the
    /// agreement in force, so a browser must ask the server every time: a file served with Last-Modified was
    /// otherwise reused from Chromium's heuristic cache and skipped the new agreement.
    /// </summary>
    public static RouteHandlerBuilder NoStore(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
}
