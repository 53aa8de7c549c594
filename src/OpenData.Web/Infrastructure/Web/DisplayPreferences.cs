namespace OpenData.Web.Infrastructure.Web;

/// <summary>适老化 large-text mode: a plain cookie so it persists without an account and works without JavaScript.</summary>
public static class DisplayPreferences
{
    public const string Cookie = "odp.large";

    public static bool IsLargeText(HttpContext? ctx) => ctx?.Request.Cookies[Cookie] == "1";

    public static WebApplication MapDisplayPreferences(this WebApplication app)
    {
        app.MapPost("/preferences/display", (HttpContext ctx, [Microsoft.AspNetCore.Mvc.FromForm] string? large, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var on = large == "1";
            ctx.Response.Cookies.Append(Cookie, on ? "1" : "0", new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, IsEssential = true,
                SameSite = SameSiteMode.Lax, Secure = ctx.Request.IsHttps,
            });
            return Results.LocalRedirect(SafeReturn(returnUrl));
        }).ExcludeFromDescription(); // the header's 大字版 form, not an API
        return app;
    }

    /// <summary>
    /// A local path to go back to, else the home page. Control characters are refused too: browsers drop a TAB
    /// or newline inside a URL ("/\t/evil.example" becomes "//evil.example"), and LocalRedirect throws on them.
    /// </summary>
    public static string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            && !returnUrl.Any(char.IsControl)
            ? returnUrl : "/";
}
