using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.Web.Features.Accounts;

/// <summary>Adds the real name and, for providers, the department code to the principal.</summary>
public sealed class PortalClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, PortalDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.RealName, user.RealName));
        // Read by the account gate (Features/Admin/Users/AccountGate.cs) on every page request without a query.
        identity.AddClaim(new Claim(PortalClaims.UserAgreementVersion, user.AgreementVersion));
        identity.AddClaim(new Claim(PortalClaims.Session, user.SessionStamp));
        if (user.MustChangePassword) identity.AddClaim(new Claim(PortalClaims.MustChangePassword, "true"));
        if (user.DepartmentId is { } deptId)
        {
            var code = await db.Departments.Where(d => d.Id == deptId).Select(d => d.Code).FirstOrDefaultAsync();
            if (code is not null) identity.AddClaim(new Claim(PortalClaims.DepartmentCode, code));
        }
        return identity;
    }
}
