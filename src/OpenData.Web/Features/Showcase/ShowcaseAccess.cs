using System.Security.Claims;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.Web.Features.Showcase;

/// <summary>Who may see what: the public sees approved content; the owner and reviewers see the rest.</summary>
public static class ShowcaseAccess
{
    public static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>Review is the Reviewer role's work (三权分立, ADR 0030), as for API applications.</summary>
    public static bool IsReviewer(ClaimsPrincipal user) => user.IsInRole(Roles.Reviewer);

    public static bool CanSeePrivate(ClaimsPrincipal user, string ownerId) => UserId(user) == ownerId || IsReviewer(user);
}
