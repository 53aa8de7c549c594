using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;

namespace OpenData.IntegrationTests.Features.Security;

/// <summary>Logout ends the session on the server; lockout does not reveal names; throttling by address; locked users' tokens.</summary>
public abstract class SessionAndSignInTests(PortalFactory factory)
{
    private static string? Alert(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "id=\"login-error\"[^>]*>([^<]+)<") is { Success: true } m ? m.Groups[1].Value : null;

    [Fact]
    public async Task A_cookie_copied_before_logout_no_longer_works_after_it()
    {
        var user = await CreateUserAsync(factory);
        var jar = new CookieContainer();
        var client = factory.CreateDefaultClient(new CookieContainerHandler(jar));
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.UserName!, Password)).StatusCode);
        var copied = jar.GetCookies(client.BaseAddress!)["odp.auth"]!.Value;

        var thief = factory.CreateDefaultClient();
        thief.DefaultRequestHeaders.Add("Cookie", "odp.auth=" + copied);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/me", "/account/logout", null, [])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/v1/me")).StatusCode);
        // Signing in again gives a working session.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(user.UserName!, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_name_is_locked_after_five_failures_just_like_a_real_account()
    {
        var unknown = UniqueName("ghost");
        var client = factory.CreateBrowserClient();
        for (var i = 1; i <= 4; i++)
            Assert.Equal(AccountSignIn.FailedMessage, Alert(await (await client.SignInAsync(unknown, $"Wrong#{i}x")).Content.ReadAsStringAsync()));
        Assert.Equal(AccountSignIn.LockedMessage, Alert(await (await client.SignInAsync(unknown, "Wrong#5x")).Content.ReadAsStringAsync()));
        Assert.Equal(AccountSignIn.LockedMessage, Alert(await (await client.SignInAsync(unknown, "Wrong#6x")).Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_locked_or_disabled_users_personal_token_is_refused()
    {
        foreach (var change in new Func<UserManager<AppUser>, AppUser, Task>[]
                 {
                     (users, u) => users.SetLockoutEndDateAsync(u, DateTimeOffset.UtcNow.AddMinutes(15)),
                     (users, u) => { u.IsDisabled = true; return users.UpdateAsync(u); },
                 })
        {
            var user = await CreateUserAsync(factory);
            var token = await factory.Service<ApiTokens>().CreateAsync(user.Id, user.UserName!, "t");
            var api = factory.CreateClient();
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
            var users = factory.Service<UserManager<AppUser>>();
            await change(users, (await users.FindByIdAsync(user.Id))!);
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        }
    }

    [Fact]
    public async Task One_client_address_is_throttled_before_it_can_lock_someone_elses_account()
    {
        using var strict = factory.WithWebHostBuilder(b => b.UseSetting("OpenData:SignIn:FailuresPerAddress", "3"));
        var victim = await CreateUserAsync(factory);
        var client = strict.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        for (var i = 1; i <= 3; i++)
            Assert.Equal(AccountSignIn.FailedMessage, Alert(await (await client.SignInAsync(victim.UserName!, $"Wrong#{i}x")).Content.ReadAsStringAsync()));
        for (var i = 4; i <= 6; i++)
            Assert.Equal(AccountSignIn.ThrottledMessage, Alert(await (await client.SignInAsync(victim.UserName!, $"Wrong#{i}x")).Content.ReadAsStringAsync()));
        var users = factory.Service<UserManager<AppUser>>();
        Assert.False(await users.IsLockedOutAsync((await users.FindByIdAsync(victim.Id))!));
        Assert.Equal(3, await users.GetAccessFailedCountAsync((await users.FindByIdAsync(victim.Id))!));
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_the_forwarded_scheme_gives_secure_cookies_and_HSTS()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var req = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        req.Headers.Add("X-Forwarded-Proto", "https");
        req.Headers.Add("X-Forwarded-For", "203.0.113.9");
        req.Headers.Add("X-Forwarded-Host", "opendata.lishui.gov.cn");
        var res = await client.SendAsync(req);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.True(res.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains(res.Headers.GetValues("Set-Cookie"), c => c.StartsWith("odp.af", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        var plain = await factory.CreateClient().GetAsync("/account/login");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }
}

public sealed class SessionAndSignInTestsSqlite(SqlitePortalFactory f) : SessionAndSignInTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class SessionAndSignInTestsPostgres(PostgresPortalFactory f) : SessionAndSignInTests(f), IClassFixture<PostgresPortalFactory>;
