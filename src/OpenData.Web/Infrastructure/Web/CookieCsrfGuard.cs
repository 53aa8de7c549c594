using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace OpenData.Web.Infrastructure.Web;

/// <summary>
/// One CSRF check for every state-changing request that a sign-in cookie authenticates, pages and JSON API
/// alike, so that endpoints need nothing of their own (several post without a body, and the upload turns
/// antiforgery off to stream its file). SameSite=Lax stops cross-site pages but not another origin of the same
/// site (another port or subdomain): such a request is admitted only when the browser says it came from this
/// very origin (Sec-Fetch-Site: same-origin, or else an Origin equal to ours) or when it carries a valid
/// antiforgery token (header "RequestVerificationToken" or the form field). Bearer-token and signed calls
/// carry no sign-in cookie and pass untouched.
/// </summary>
public sealed class CookieCsrfGuard(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string Code = "csrf";

    public async Task InvokeAsync(HttpContext ctx)
    {
        if (IsSafe(ctx.Request.Method) || !IsCookieAuthenticated(ctx) || FromOwnOrigin(ctx.Request) || await HasValidTokenAsync(ctx))
        {
            await next(ctx);
            return;
        }
        var problem = ProblemDefaults.Problem(403, Code, "无法确认请求来自本站页面，请刷新本站页面后重试");
        await problem.ExecuteAsync(ctx);
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private static bool IsCookieAuthenticated(HttpContext ctx) =>
        ctx.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme);

    /// <summary>Sec-Fetch-Site is authoritative when present (all current browsers send it); else the Origin header.</summary>
    public static bool FromOwnOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
            return site == "same-origin";
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    private async Task<bool> HasValidTokenAsync(HttpContext ctx)
    {
        // Never read a multipart body (an upload) just to look for a token: only the header or a small urlencoded form.
        var urlEncoded = ctx.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        if (!urlEncoded && !ctx.Request.Headers.ContainsKey("RequestVerificationToken"))
            return false;
        return await antiforgery.IsRequestValidAsync(ctx);
    }
}
