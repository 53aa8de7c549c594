using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;

namespace OpenData.IntegrationTests.Features.Admin;

/// <summary>Browser clients signed in with password and authenticator code, holding back-office roles.</summary>
public static class BackOfficeKit
{
    public const string Key = AccountDemoSeeder.AdminAuthenticatorKey;

    public static Task<(HttpClient Client, AppUser User)> BackOfficeClientAsync(PortalFactory factory, params string[] roles) =>
        BackOfficeClientAsync(factory, factory.CreateBrowserClient, roles);

    /// <summary>The same, with clients from another factory over the same database (one with test services added).</summary>
    public static async Task<(HttpClient Client, AppUser User)> BackOfficeClientAsync(PortalFactory factory, Func<HttpClient> newClient, params string[] roles)
    {
        var user = await CreateUserAsync(factory, roles.Length > 0 ? roles[0] : null, "dsjj");
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var u = (await users.FindByIdAsync(user.Id))!;
            foreach (var r in roles.Skip(1)) await scope.ServiceProvider.GetRequiredService<AccountCommands>().AddRoleAsync(u, r);
            await users.SetAuthenticationTokenAsync(u, "[AspNetUserStore]", "AuthenticatorKey", Key);
            await users.SetTwoFactorEnabledAsync(u, true);
        }
        var client = newClient();
        var res = await client.SignInAsync(user.UserName!, Password);
        Assert.StartsWith("/account/login-2fa", res.Target());
        var ok = await client.PostFormAsync(res.Target()!, null, "login-2fa", [new("Code", Totp(Key))]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        return (client, user);
    }
}
