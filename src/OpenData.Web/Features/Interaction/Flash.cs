using System.Text.Json;

namespace OpenData.Web.Features.Interaction;

/// <summary>
/// The outcome of a form post, carried to the page it redirects back to in a short-lived cookie (not the query
/// string, so nobody can put arbitrary text on our pages with a crafted link). Part names which widget shows it.
/// </summary>
public sealed record Flash(string Part, bool Ok, string Text)
{
    public const string CookieName = "odp_flash";

    public static void Set(HttpContext http, string part, Outcome outcome) =>
        http.Response.Cookies.Append(CookieName, JsonSerializer.Serialize(new Flash(part, outcome.Ok, outcome.Message ?? (outcome.Ok ? "操作成功" : "操作未完成"))),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromSeconds(30), Secure = http.Request.IsHttps, Path = "/" });

    /// <summary>Reads the flash for a part and removes it so it shows once.</summary>
    public static Flash? Take(HttpContext? http, string part)
    {
        if (http?.Request.Cookies[CookieName] is not { Length: > 0 } raw) return null;
        Flash? f;
        try { f = JsonSerializer.Deserialize<Flash>(raw); }
        catch (JsonException) { return null; }
        if (f is null || f.Part != part) return null;
        if (!http.Response.HasStarted) http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        return f;
    }
}
