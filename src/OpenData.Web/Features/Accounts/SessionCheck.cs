using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.Web.Features.Accounts;

/// <summary>
/// Runs for every request a sign-in cookie authenticates. Identity's own security-stamp check runs only every
/// few minutes, so a cookie copied before logout kept working (and was renewed); this one reads the user's
/// session stamp and disabled flag by primary key on each request and refuses the cookie when the stamp it
/// carries is no longer current (sign-out) or the account was disabled.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext ctx)
    {
        // Read what the cookie carries first: the periodic refresh below rebuilds the principal from the
        // database, which would hand an old cookie the current stamp.
        var carried = ctx.Principal?.FindFirst(PortalClaims.Session)?.Value ?? "";
        await SecurityStampValidator.ValidatePrincipalAsync(ctx);
        var id = ctx.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (id is null) return;
        var db = ctx.HttpContext.RequestServices.GetRequiredService<PortalDbContext>();
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SessionStamp, u.IsDisabled }).FirstOrDefaultAsync(ctx.HttpContext.RequestAborted);
        if (row is null || row.IsDisabled || row.SessionStamp != carried)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
