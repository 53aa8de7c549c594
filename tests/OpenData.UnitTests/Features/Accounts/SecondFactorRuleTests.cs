using System.Security.Claims;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.UnitTests.Features.Accounts;

public class SecondFactorRuleTests
{
    private static ClaimsPrincipal Principal(string authType, params Claim[] claims) => new(new ClaimsIdentity(claims, authType, ClaimTypes.Name, ClaimTypes.Role));

    [Fact]
    public void An_admin_signed_in_with_a_password_only_needs_a_second_factor()
    {
        Assert.True(AccountSignIn.NeedsSecondFactor(Principal("Identity.Application", new Claim(ClaimTypes.Role, Roles.Admin))));
    }

    [Fact]
    public void An_admin_with_the_mfa_claim_or_a_personal_token_does_not()
    {
        Assert.False(AccountSignIn.NeedsSecondFactor(Principal("Identity.Application",
            new Claim(ClaimTypes.Role, Roles.Admin), new Claim(AccountsFeature.MfaClaim, "mfa"))));
        Assert.False(AccountSignIn.NeedsSecondFactor(Principal(BearerTokenHandler.SchemeName, new Claim(ClaimTypes.Role, Roles.Admin))));
    }

    [Fact]
    public void Other_users_never_need_one()
    {
        Assert.False(AccountSignIn.NeedsSecondFactor(Principal("Identity.Application", new Claim(ClaimTypes.Role, Roles.Provider))));
        Assert.False(AccountSignIn.NeedsSecondFactor(Principal("Identity.Application")));
    }
}
