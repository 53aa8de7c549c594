using System.Security.Claims;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.Web.Features.Admin;

/// <summary>The three back-office powers, each the role plus a second factor (same rules as the policies).</summary>
public static class BackOfficeAccess
{
    public static bool IsAdmin(ClaimsPrincipal u) => u.IsInRole(Roles.Admin) && AccountsFeature.HasSecondFactor(u);
    public static bool IsReviewer(ClaimsPrincipal u) => u.IsInRole(Roles.Reviewer) && AccountsFeature.HasSecondFactor(u);
    public static bool IsAuditor(ClaimsPrincipal u) => u.IsInRole(Roles.Auditor) && AccountsFeature.HasSecondFactor(u);
}

/// <summary>A page of a list, as every paged JSON list answers.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
