using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.Admin;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Auth;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;

namespace OpenData.IntegrationTests.Features.Accounts;

public abstract partial class TwoFactorTests(PortalFactory factory)
{
    private const string WhoAmI = "/api/v1/admin/whoami";

    [Fact]
    public async Task The_demo_admin_needs_the_authenticator_code_after_the_password_and_then_reaches_admin_routes()
    {
        var client = factory.CreateBrowserClient();
        Assert.Contains("请<a href=\"/account/login\">重新登录</a>", await client.GetStringAsync("/account/login-2fa"));
        var res = await client.SignInAsync("admin", AccountDemoSeeder.Password, "/admin");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.StartsWith("/account/login-2fa?returnUrl=%2Fadmin", res.Target());
        // The password alone is not a sign-in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(WhoAmI)).StatusCode);

        var bad = await client.PostFormAsync(res.Target()!, null, "login-2fa", [new("Code", "000000")]);
        Assert.Contains(AccountSignIn.BadCodeMessage, await bad.Content.ReadAsStringAsync());

        var ok = await client.PostFormAsync(res.Target()!, null, "login-2fa", [new("Code", Totp(AccountDemoSeeder.AdminAuthenticatorKey))]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("/admin", ok.Target());
        var who = await client.GetFromJsonAsync<AdminWhoAmI>(WhoAmI);
        Assert.Equal("admin", who!.UserName);
        Assert.True(who.SecondFactor);
        Assert.Contains(await AuditAsync(factory, AuditActions.SignIn, "user:admin"), e => e.Detail.Contains("身份验证器"));
    }

    [Fact]
    public async Task An_admin_without_two_factor_is_sent_to_enrol_and_gets_in_only_after_enabling_it()
    {
        var admin = await CreateUserAsync(factory, Roles.Admin, "dsjj");
        var client = factory.CreateBrowserClient();
        var res = await client.SignInAsync(admin.UserName!, Password);
        Assert.Equal("/me/security?enrol=admin", res.Target());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(WhoAmI)).StatusCode);
        // Admin pages answer with access denied, which sends such an admin to enrol.
        Assert.Equal("/me/security?enrol=admin", (await client.GetAsync("/account/access-denied")).Target());
        // Nor may a token be made to go around the second factor.
        var tokens = await client.PostFormAsync("/me/tokens", null, "token-create", [new("TokenName", "绕过")]);
        Assert.DoesNotMatch(TokenRegex(), await tokens.Content.ReadAsStringAsync());

        var page = await client.GetStringAsync("/me/security?enrol=admin");
        Assert.Contains("管理员必须启用两步验证", page);
        Assert.Contains("<svg", page);
        var key = KeyRegex().Match(page).Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        Assert.Contains("otpauth://totp/", page);

        var wrong = await client.PostFormAsync("/me/security", null, "2fa-enable", [new("Code", "123456")]);
        Assert.Contains("id=\"EnableCode-error\"", await wrong.Content.ReadAsStringAsync());
        var enabled = await client.PostFormAsync("/me/security", null, "2fa-enable", [new("Code", Totp(key))]);
        Assert.Equal("/me/security?done=2fa-on", enabled.Target());
        Assert.Equal(admin.UserName, (await client.GetFromJsonAsync<AdminWhoAmI>(WhoAmI))!.UserName);
        Assert.Single(await AuditAsync(factory, AuditActions.TwoFactorEnabled, $"user:{admin.UserName}"));

        // Administrators may not switch it off again.
        var off = await client.PostFormAsync("/me/security", null, "2fa-disable", [new("Code", Totp(key))]);
        Assert.Contains("平台管理员必须使用两步验证，不能关闭", await off.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_user_who_enables_two_factor_is_asked_for_the_code_next_time_and_can_disable_it()
    {
        var (client, user) = await SignedInAsync(factory);
        var page = await client.GetStringAsync("/me/security");
        var key = KeyRegex().Match(page).Groups[1].Value.Replace(" ", "").ToUpperInvariant();
        Assert.Equal("/me/security?done=2fa-on", (await client.PostFormAsync("/me/security", null, "2fa-enable", [new("Code", Totp(key))])).Target());

        var fresh = factory.CreateBrowserClient();
        var res = await fresh.SignInAsync(user.UserName!, Password);
        Assert.StartsWith("/account/login-2fa", res.Target());
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.PostFormAsync(res.Target()!, null, "login-2fa", [new("Code", Totp(key))])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/api/v1/me")).StatusCode);
        // Not an admin: the second factor gives no admin rights.
        Assert.Equal(HttpStatusCode.Forbidden, (await fresh.GetAsync(WhoAmI)).StatusCode);

        Assert.Equal("/me/security?done=2fa-off", (await fresh.PostFormAsync("/me/security", null, "2fa-disable", [new("Code", Totp(key))])).Target());
        Assert.Equal("/", (await factory.CreateBrowserClient().SignInAsync(user.UserName!, Password)).Target());
    }

    [GeneratedRegex("id=\"tfa-key\"[^>]*>([a-z0-9 ]+)<")] private static partial Regex KeyRegex();
}

public sealed class TwoFactorTestsSqlite(SqlitePortalFactory f) : TwoFactorTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class TwoFactorTestsPostgres(PostgresPortalFactory f) : TwoFactorTests(f), IClassFixture<PostgresPortalFactory>;
