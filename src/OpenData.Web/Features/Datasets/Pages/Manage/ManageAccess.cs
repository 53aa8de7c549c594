using System.Security.Claims;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.Web.Features.Datasets.Pages.Manage;

/// <summary>Only for choosing what the forms offer; the commands decide what is allowed.
/// Same rule as Policies.Admin: the admin role counts with a second factor or a personal token.</summary>
public static class ManageAccess
{
    public static bool IsAdmin(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) &&
        (user.HasClaim(AccountsFeature.MfaClaim, "mfa") || user.Identity?.AuthenticationType == BearerTokenHandler.SchemeName);

    public static string? ProviderDepartment(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Provider) ? user.FindFirstValue(PortalClaims.DepartmentCode) : null;
}
