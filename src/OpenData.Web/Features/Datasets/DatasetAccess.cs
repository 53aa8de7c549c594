using System.Security.Claims;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.Web.Features.Datasets;

/// <summary>Who may manage what: an admin everything, a provider its own department's datasets.</summary>
public static class DatasetAccess
{
    /// <summary>Same rule as Policies.Admin: the role plus a second factor (or a personal token).</summary>
    public static bool IsAdmin(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) &&
        (user.HasClaim(AccountsFeature.MfaClaim, "mfa") || user.Identity?.AuthenticationType == BearerTokenHandler.SchemeName);

    /// <summary>The provider's department code, or null for anyone who is not a provider.</summary>
    public static string? ProviderDepartment(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Provider) ? user.FindFirstValue(PortalClaims.DepartmentCode) : null;

    public static bool CanManage(ClaimsPrincipal user, string departmentCode) =>
        IsAdmin(user) || (ProviderDepartment(user) is { } code && code == departmentCode);

    public static bool IsManager(ClaimsPrincipal user) => IsAdmin(user) || ProviderDepartment(user) is not null;

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
