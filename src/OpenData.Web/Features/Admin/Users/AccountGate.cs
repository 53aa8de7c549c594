using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.Web.Features.Admin.Users;

/// <summary>
/// Before a signed-in person uses any page: a password change the administrator forced, then the user agreement
/// if a new version was published since they accepted theirs. Pages only (APIs and tokens are not redirected),
/// and the pages needed to comply stay reachable.
/// </summary>
public sealed class AccountGate(RequestDelegate next)
{
    private static readonly string[] Open = ["/me/security", "/account", "/agreements", "/about", "/error", "/not-found", "/healthz", "/api", "/_framework", "/_content"];

    public async Task InvokeAsync(HttpContext ctx, SiteSettingsStore settings)
    {
        var user = ctx.User;
        if (user.Identity?.IsAuthenticated == true && user.Identity.AuthenticationType != BearerTokenHandler.SchemeName
            && HttpMethods.IsGet(ctx.Request.Method) && !IsOpen(ctx.Request.Path))
        {
            if (user.HasClaim(PortalClaims.MustChangePassword, "true"))
            {
                ctx.Response.Redirect("/me/security?must=password");
                return;
            }
            var accepted = user.FindFirst(PortalClaims.UserAgreementVersion)?.Value;
            if (accepted is not null && accepted != (await settings.SnapshotAsync(ctx.RequestAborted)).Agreement(AgreementKinds.User).Version)
            {
                ctx.Response.Redirect("/agreements/user?returnUrl=" + Uri.EscapeDataString(ctx.Request.Path + ctx.Request.QueryString));
                return;
            }
        }
        await next(ctx);
    }

    private static bool IsOpen(PathString path) =>
        Open.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) || (path.Value ?? "").Contains('.');
}
