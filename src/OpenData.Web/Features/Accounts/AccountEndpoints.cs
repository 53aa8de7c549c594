using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Accounts;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").RequireAuthorization().WithTags("Me");
        me.MapGet("/", async Task<Results<Ok<MeResponse>, NotFound>> (ClaimsPrincipal user, AccountQueries q, CancellationToken ct) =>
            await q.MeAsync(UserId(user), ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound());

        me.MapGet("/messages", async (ClaimsPrincipal user, Notifier notifier, bool? unread, int? page, int? pageSize, CancellationToken ct) =>
        {
            var p = Math.Max(page ?? 1, 1);
            var size = Math.Clamp(pageSize ?? 20, 1, 100);
            var (items, total) = await notifier.ListAsync(UserId(user), unread == true, p, size, ct);
            return TypedResults.Ok(new PagedList<MessageDto>(items, total, p, size));
        });
        me.MapPost("/messages/{id:long}/read", async (ClaimsPrincipal user, Notifier notifier, long id, CancellationToken ct) =>
            await notifier.OwnsAsync(UserId(user), id, ct)
                ? Results.Ok(new MessageReadResponse(id, await MarkAndCount(notifier, UserId(user), id, ct)))
                : ProblemDefaults.Problem(404, "message_not_found", "没有这条消息"))
            .Produces<MessageReadResponse>().ProducesProblem(404);
        me.MapPost("/messages/read-all", async (ClaimsPrincipal user, Notifier notifier, CancellationToken ct) =>
            Results.Ok(new MessagesMarkedResponse(await notifier.MarkReadAsync(UserId(user), null, ct), 0))).Produces<MessagesMarkedResponse>();

        // The header's 退出 button posts here with the antiforgery token of the page.
        // Checked here because a minimal API without form parameters never rejects a bad token by itself.
        app.MapPost("/account/logout", async (HttpContext http, IAntiforgery antiforgery, AccountSignIn signIn, CancellationToken ct) =>
            {
                if (!await antiforgery.IsRequestValidAsync(http))
                    return ProblemDefaults.Problem(400, "antiforgery", "页面已过期，请刷新后重试");
                await signIn.SignOutAsync(http.User, ct);
                return Results.LocalRedirect("/");
            })
            .DisableAntiforgery()
            .ExcludeFromDescription();
    }

    private static async Task<int> MarkAndCount(Notifier notifier, string userId, long id, CancellationToken ct)
    {
        await notifier.MarkReadAsync(userId, id, ct);
        return await notifier.UnreadCountAsync(userId, ct);
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;
}

public sealed record MessageReadResponse(long Id, int Unread);
public sealed record MessagesMarkedResponse(int Marked, int Unread);
