using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Auditing;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;

namespace OpenData.IntegrationTests.Features.Accounts;

public abstract class SignInTests(PortalFactory factory)
{
    [Fact]
    public async Task Correct_password_signs_in_to_a_local_return_url_and_is_audited()
    {
        var user = await CreateUserAsync(factory);
        var client = factory.CreateBrowserClient();
        var res = await client.SignInAsync(user.UserName!, Password, "/me/tokens");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal("/me/tokens", res.Target());
        Assert.Contains(user.UserName!, await client.GetStringAsync("/api/v1/me"));
        Assert.Single(await AuditAsync(factory, AuditActions.SignIn, $"user:{user.UserName}"));
    }

    [Fact]
    public async Task A_foreign_return_url_is_replaced_by_the_home_page()
    {
        var user = await CreateUserAsync(factory);
        var res = await factory.CreateBrowserClient().SignInAsync(user.UserName!, Password, "//evil.example.com/x");
        Assert.Equal("/", res.Target());
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_message_and_failures_are_audited_without_the_password()
    {
        var user = await CreateUserAsync(factory);
        var unknown = UniqueName("nobody");
        var wrongPw = await factory.CreateBrowserClient().SignInAsync(user.UserName!, "WrongPass#1");
        var noUser = await factory.CreateBrowserClient().SignInAsync(unknown, "WrongPass#1");
        Assert.Equal(HttpStatusCode.OK, wrongPw.StatusCode);
        Assert.Equal(HttpStatusCode.OK, noUser.StatusCode);
        var a = Alert(await wrongPw.Content.ReadAsStringAsync());
        var b = Alert(await noUser.Content.ReadAsStringAsync());
        Assert.Equal(AccountSignIn.FailedMessage, a);
        Assert.Equal(a, b);
        var failed = (await AuditAsync(factory, AuditActions.SignInFailed, $"user:{user.UserName}"))
            .Concat(await AuditAsync(factory, AuditActions.SignInFailed, $"user:{unknown}")).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, e => { Assert.False(e.Succeeded); Assert.DoesNotContain("WrongPass", e.Detail); });
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var user = await CreateUserAsync(factory);
        var client = factory.CreateBrowserClient();
        for (var i = 1; i <= 4; i++)
            Assert.Equal(AccountSignIn.FailedMessage, Alert(await (await client.SignInAsync(user.UserName!, $"Wrong#{i}x")).Content.ReadAsStringAsync()));
        Assert.Equal(AccountSignIn.LockedMessage, Alert(await (await client.SignInAsync(user.UserName!, "Wrong#5x")).Content.ReadAsStringAsync()));
        var right = await client.SignInAsync(user.UserName!, Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(AccountSignIn.LockedMessage, Alert(await right.Content.ReadAsStringAsync()));
        Assert.NotEmpty(await AuditAsync(factory, AuditActions.LockedOut, $"user:{user.UserName}"));
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in()
    {
        var user = await CreateUserAsync(factory);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var u = await users.FindByIdAsync(user.Id);
            u!.IsDisabled = true;
            await users.UpdateAsync(u);
        }
        var res = await factory.CreateBrowserClient().SignInAsync(user.UserName!, Password);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal(AccountSignIn.DisabledMessage, Alert(await res.Content.ReadAsStringAsync()));
        var wrong = await factory.CreateBrowserClient().SignInAsync(user.UserName!, "Wrong#pass1");
        Assert.Equal(AccountSignIn.FailedMessage, Alert(await wrong.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Logout_needs_the_antiforgery_token_then_signs_out_and_is_audited()
    {
        var (client, user) = await SignedInAsync(factory);
        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        var res = await client.PostFormAsync("/me", "/account/logout", null, []);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal("/", res.Target());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Single(await AuditAsync(factory, AuditActions.SignOut, $"user:{user.UserName}"));
    }

    [Fact]
    public async Task Personal_centre_pages_send_anonymous_visitors_to_login()
    {
        foreach (var path in new[] { "/me", "/me/security", "/me/tokens", "/me/messages" })
        {
            var res = await factory.CreateBrowserClient().GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
            Assert.StartsWith("/account/login?returnUrl=" + Uri.EscapeDataString(path), res.Target());
        }
    }

    [Fact]
    public async Task Access_denied_page_is_in_chinese()
    {
        var html = await factory.CreateClient().GetStringAsync("/account/access-denied");
        Assert.Contains("没有访问权限", html);
    }

    private static string? Alert(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "id=\"login-error\"[^>]*>([^<]+)<") is { Success: true } m ? m.Groups[1].Value : null;
}

public sealed class SignInTestsSqlite(SqlitePortalFactory f) : SignInTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class SignInTestsPostgres(PostgresPortalFactory f) : SignInTests(f), IClassFixture<PostgresPortalFactory>;
