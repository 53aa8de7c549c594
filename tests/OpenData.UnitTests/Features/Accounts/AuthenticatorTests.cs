using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenData.Web.Features.Accounts;

namespace OpenData.UnitTests.Features.Accounts;

public class AuthenticatorTests
{
    [Fact]
    public void The_key_is_shown_in_lower_case_groups_of_four()
    {
        Assert.Equal("abcd efgh ijkl mn", Authenticator.FormatKey("ABCDEFGHIJKLMN"));
        Assert.Equal("", Authenticator.FormatKey(""));
    }

    [Fact]
    public void The_otpauth_uri_names_the_platform_and_the_user_and_carries_the_secret()
    {
        var uri = Authenticator.OtpAuthUri("zhang.san", "JBSWY3DPEHPK3PXP");
        Assert.StartsWith("otpauth://totp/" + Uri.EscapeDataString(Authenticator.Issuer) + ":zhang.san?", uri);
        Assert.Contains("secret=JBSWY3DPEHPK3PXP", uri);
        Assert.Contains("issuer=" + Uri.EscapeDataString(Authenticator.Issuer), uri);
        Assert.Contains("digits=6", uri);
    }

    [Fact]
    public async Task Refreshing_the_principal_keeps_the_second_factor_claim()
    {
        var current = new ClaimsPrincipal(new ClaimsIdentity([new Claim(AccountsFeature.MfaClaim, "mfa")], "Identity.Application"));
        var fresh = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin")], "Identity.Application"));
        await AccountsFeature.KeepSecondFactor(new SecurityStampRefreshingPrincipalContext { CurrentPrincipal = current, NewPrincipal = fresh });
        Assert.True(fresh.HasClaim(AccountsFeature.MfaClaim, "mfa"));
    }

    [Fact]
    public async Task Refreshing_a_password_only_principal_adds_no_second_factor()
    {
        var current = new ClaimsPrincipal(new ClaimsIdentity([], "Identity.Application"));
        var fresh = new ClaimsPrincipal(new ClaimsIdentity([], "Identity.Application"));
        await AccountsFeature.KeepSecondFactor(new SecurityStampRefreshingPrincipalContext { CurrentPrincipal = current, NewPrincipal = fresh });
        Assert.False(fresh.HasClaim(c => c.Type == AccountsFeature.MfaClaim));
    }
}
