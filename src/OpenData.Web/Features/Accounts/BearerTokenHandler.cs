using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Accounts;

/// <summary>Authenticates "Authorization: Bearer odp_…" personal tokens for the JSON API.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PortalDbContext db, IUserClaimsPrincipalFactory<AppUser> principals, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(ApiTokens.Prefix, StringComparison.Ordinal))
            return AuthenticateResult.Fail("Unknown token format");
        var hash = ApiTokens.Hash(token);
        var row = await db.ApiTokens.Include(t => t.User)
            .FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, Context.RequestAborted);
        var now = clock.GetUtcNow();
        // A disabled or locked-out account may not go on working through its tokens while its sign-in is refused.
        if (row?.User is null || row.User.IsDisabled || row.User.LockoutEnd > now)
            return AuthenticateResult.Fail("Invalid token");
        // Touch at most once a minute: cheap enough to keep "last used" useful.
        if (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            row.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }
        var principal = await principals.CreateAsync(row.User);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        return Task.CompletedTask;
    }
}
