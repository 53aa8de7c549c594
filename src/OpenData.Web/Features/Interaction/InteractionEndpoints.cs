using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Interaction;

/// <summary>
/// The form posts of the reusable widgets (favorite, rating, comments, error reports, subscribe, +1): each
/// validates the antiforgery token, runs the command, keeps the outcome in a flash cookie and redirects back
/// (POST-redirect-GET). Anonymous visitors are sent to sign in first. The token is checked here rather than by
/// form binding so that an expired page gets a clear message instead of a bare 400.
/// </summary>
public static class InteractionEndpoints
{
    public static void MapInteractionEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/interact/act").ExcludeFromDescription().DisableAntiforgery();
        g.MapPost("/{kind}/{key}/favorite", (string kind, string key, HttpContext http, ItemInteractions c, CancellationToken ct) =>
            Run(http, "favorite", _ => c.ToggleFavoriteAsync(kind, key, http.User, ct)));
        g.MapPost("/{kind}/{key}/rating", (string kind, string key, HttpContext http, ItemInteractions c, CancellationToken ct) =>
            Run(http, "rating", f => c.RateAsync(kind, key, int.TryParse(f["stars"], out var s) ? s : 0, http.User, ct)));
        g.MapPost("/{kind}/{key}/comments", (string kind, string key, HttpContext http, CommentCommands c, CancellationToken ct) =>
            Run(http, "comments", f => c.AddAsync(kind, key, f["body"], http.User, ct)));
        g.MapPost("/comments/{id:long}/reply", (long id, HttpContext http, CommentCommands c, CancellationToken ct) =>
            Run(http, "comments", f => c.ReplyAsync(id, f["reply"], http.User, ct)));
        g.MapPost("/comments/{id:long}/visibility", (long id, HttpContext http, CommentCommands c, CancellationToken ct) =>
            Run(http, "comments", f => c.SetVisibleAsync(id, f["visible"] == "true", http.User, ct)));
        g.MapPost("/{kind}/{key}/error-reports", (string kind, string key, HttpContext http, ErrorReports c, CancellationToken ct) =>
            Run(http, "corrections", f => c.SubmitAsync(kind, key,
                new ErrorReportInput { Type = f["type"].ToString(), Description = f["description"].ToString(), Location = f["location"] }, http.User, ct)));
        g.MapPost("/error-reports/{id:long}/handle", (long id, HttpContext http, ErrorReports c, CancellationToken ct) =>
            Run(http, "handle", f => c.HandleAsync(id, f["status"], f["reply"], http.User, ct)));
        g.MapPost("/datasets/{slug}/subscription", (string slug, HttpContext http, Subscriptions c, CancellationToken ct) =>
            Run(http, "subscribe", _ => c.ToggleAsync(slug, http.User, ct)));
        g.MapPost("/requests/{id:long}/vote", (long id, HttpContext http, DataRequests c, CancellationToken ct) =>
            Run(http, "vote", _ => c.VoteAsync(id, http.User, ct)));

        app.MapGet("/datasets/{slug}/feed.atom", DatasetFeed.GetAsync).ExcludeFromDescription();
        // The sensitive words moved to the one settings page (content.sensitiveWords); old bookmarks land there.
        app.MapGet("/admin/interaction/settings", () => Results.LocalRedirect("/admin/settings#s-content-sensitiveWords"))
            .RequireAuthorization(OpenData.Web.Infrastructure.Auth.Policies.Admin).ExcludeFromDescription();
        app.MapGet("/admin/surveys/{id:int}/results.csv", async (int id, ClaimsPrincipal user, Surveys s, CancellationToken ct) =>
            await s.CsvAsync(id, user, ct) is { } bytes ? Results.File(bytes, "text/csv; charset=utf-8", $"survey-{id}-results.csv") : Results.NotFound())
            .RequireAuthorization(Policies.Admin).ExcludeFromDescription();
    }

    private static async Task<IResult> Run(HttpContext http, string part, Func<IFormCollection, Task<Outcome>> command)
    {
        if (!http.Request.HasFormContentType) return Results.BadRequest();
        var valid = await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var back = DisplayPreferences.SafeReturn(form["returnUrl"]).Split('#')[0];
        if (!valid)
        {
            Flash.Set(http, part, Outcome.Invalid("页面已过期或请求无效，请刷新页面后重试"));
            return Results.LocalRedirect(back + "#" + part);
        }
        if (http.User.Identity?.IsAuthenticated != true)
            return Results.LocalRedirect("/account/login?returnUrl=" + Uri.EscapeDataString(back));
        Flash.Set(http, part, await command(form));
        return Results.LocalRedirect(back + "#" + part);
    }
}
