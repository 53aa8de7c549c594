using System.Security.Claims;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.Web.Features.Admin;

public sealed record AdminWhoAmI(string UserName, bool SecondFactor);

public static class AdminWhoAmIEndpoint
{
    /// <summary>The smallest admin-policy route: lets operators and tests check that an admin session counts as one.</summary>
    public static IEndpointRouteBuilder MapAdminWhoAmI(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/admin/whoami", (ClaimsPrincipal user) =>
                TypedResults.Ok(new AdminWhoAmI(user.Identity!.Name!, user.HasClaim("amr", "mfa"))))
            .RequireAuthorization(Policies.Admin)
            .WithTags("Admin");
        return app;
    }
}
