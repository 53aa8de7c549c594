using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Interaction;

/// <summary>
/// The form posts of the reusable widgets (favorite, rating, comments, error reports, subscribe, +1): each
/// validates the antiforgery token (form binding requires it), runs the command, keeps the outcome in a flash
/// cookie and redirects back (POST-redirect-GET). Anonymous visitors are sent to sign in first.
/// </summary>
public static class InteractionEndpoints
{
    public static void MapInteractionEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/interact/act").ExcludeFromDescription();
        g.MapPost("/{kind}/{key}/favorite", (string kind, string key, [FromForm] string? returnUrl, HttpContext http, ItemInteractions c, CancellationToken ct) =>
            Run(http, returnUrl, "favorite", () => c.ToggleFavoriteAsync(kind, key, http.User, ct)));
        g.MapPost("/{kind}/{key}/rating", (string kind, string key, [FromForm] int? stars, [FromForm] string? returnUrl, HttpContext http, ItemInteractions c, CancellationToken ct) =>
            Run(http, returnUrl, "rating", () => c.RateAsync(kind, key, stars ?? 0, http.User, ct)));
        g.MapPost("/{kind}/{key}/comments", (string kind, string key, [FromForm] string? body, [FromForm] string? returnUrl, HttpContext http, CommentCommands c, CancellationToken ct) =>
            Run(http, returnUrl, "comments", () => c.AddAsync(kind, key, body, http.User, ct)));
        g.MapPost("/comments/{id:long}/reply", (long id, [FromForm] string? reply, [FromForm] string? returnUrl, HttpContext http, CommentCommands c, CancellationToken ct) =>
            Run(http, returnUrl, "comments", () => c.ReplyAsync(id, reply, http.User, ct)));
        g.MapPost("/comments/{id:long}/visibility", (long id, [FromForm] bool visible, [FromForm] string? returnUrl, HttpContext http, CommentCommands c, CancellationToken ct) =>
            Run(http, returnUrl, "comments", () => c.SetVisibleAsync(id, visible, http.User, ct))).RequireAuthorization(Policies.Admin);
        g.MapPost("/{kind}/{key}/error-reports", (string kind, string key, [FromForm] string? type, [FromForm] string? description, [FromForm] string? location,
                [FromForm] string? returnUrl, HttpContext http, ErrorReports c, CancellationToken ct) =>
            Run(http, returnUrl, "corrections", () => c.SubmitAsync(kind, key, new ErrorReportInput { Type = type ?? "", Description = description ?? "", Location = location }, http.User, ct)));
        g.MapPost("/error-reports/{id:long}/handle", (long id, [FromForm] string? status, [FromForm] string? reply, [FromForm] string? returnUrl, HttpContext http, ErrorReports c, CancellationToken ct) =>
            Run(http, returnUrl, "handle", () => c.HandleAsync(id, status, reply, http.User, ct)));
        g.MapPost("/datasets/{slug}/subscription", (string slug, [FromForm] string? returnUrl, HttpContext http, Subscriptions c, CancellationToken ct) =>
            Run(http, returnUrl, "subscribe", () => c.ToggleAsync(slug, http.User, ct)));
        g.MapPost("/requests/{id:long}/vote", (long id, [FromForm] string? returnUrl, HttpContext http, DataRequests c, CancellationToken ct) =>
            Run(http, returnUrl, "vote", () => c.VoteAsync(id, http.User, ct)));

        app.MapGet("/datasets/{slug}/feed.atom", DatasetFeed.GetAsync).ExcludeFromDescription();
        app.MapGet("/admin/surveys/{id:int}/results.csv", async (int id, ClaimsPrincipal user, Surveys s, CancellationToken ct) =>
            await s.CsvAsync(id, user, ct) is { } bytes ? Results.File(bytes, "text/csv; charset=utf-8", $"survey-{id}-results.csv") : Results.NotFound())
            .RequireAuthorization(Policies.Admin).ExcludeFromDescription();
    }

    private static async Task<IResult> Run(HttpContext http, string? returnUrl, string part, Func<Task<Outcome>> command)
    {
        var back = DisplayPreferences.SafeReturn(returnUrl).Split('#')[0];
        if (http.User.Identity?.IsAuthenticated != true)
            return Results.LocalRedirect("/account/login?returnUrl=" + Uri.EscapeDataString(back));
        Flash.Set(http, part, await command());
        return Results.LocalRedirect(back + "#" + part);
    }
}
