using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OpenData.Web.Features.Accounts;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").RequireAuthorization().WithTags("Me");
        me.MapGet("/", async Task<Results<Ok<MeResponse>, NotFound>> (ClaimsPrincipal user, AccountQueries q, CancellationToken ct) =>
            await q.MeAsync(user.FindFirstValue(ClaimTypes.NameIdentifier)!, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound());
    }
}
