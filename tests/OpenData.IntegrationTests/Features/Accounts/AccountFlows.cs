using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OtpNet;

namespace OpenData.IntegrationTests.Features.Accounts;

/// <summary>Shared steps of the account tests: unique people, registration forms, sign-in through the real pages.</summary>
public static partial class AccountFlows
{
    public const string Password = "Secret#2026a";
    private static int _counter = Random.Shared.Next(1, 5000);

    public static string UniqueName(string prefix = "u") => prefix + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A valid, unique registration form as the browser posts it.</summary>
    public static Dictionary<string, string> NewRegistration(string gender = "女")
    {
        var n = Interlocked.Increment(ref _counter);
        var id = IdNumber.Make("331102", new DateOnly(1970, 1, 1).AddDays(n * 7 % 15000), n, gender);
        return new Dictionary<string, string>
        {
            ["Input.UserName"] = UniqueName("reg"), ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
            ["Input.RealName"] = "张晓丽", ["Input.IdNumber"] = id, ["Input.Gender"] = gender,
            ["Input.PhoneNumber"] = "139" + Random.Shared.Next(10000000, 99999999), ["Input.Email"] = $"{UniqueName("m")}@example.com",
            ["Input.Industry"] = "信息技术", ["Input.Occupation"] = "数据分析", ["Input.AcceptAgreement"] = "true",
        };
    }

    public static Task<HttpResponseMessage> PostRegistrationAsync(this HttpClient client, Dictionary<string, string> form) =>
        client.PostFormAsync("/account/register", null, "register", form);

    /// <summary>A user created directly (faster than the form) with the standard test password.</summary>
    public static async Task<AppUser> CreateUserAsync(PortalFactory factory, string? role = null, string? org = null)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccountCommands>()
            .CreateUserAsync(UniqueName(), Password, role, org, "测试用户");
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password, string? returnUrl = null) =>
        client.PostFormAsync("/account/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)), null, "login",
            [new("Input.UserName", userName), new("Input.Password", password)]);

    /// <summary>A browser client already signed in as a fresh user.</summary>
    public static async Task<(HttpClient Client, AppUser User)> SignedInAsync(PortalFactory factory, string? role = null, string? org = null)
    {
        var user = await CreateUserAsync(factory, role, org);
        var client = factory.CreateBrowserClient();
        var res = await client.SignInAsync(user.UserName!, Password);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        return (client, user);
    }

    public static string Totp(string base32Key) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp();

    public static async Task<List<AuditEntry>> AuditAsync(PortalFactory factory, string action, string target)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == action && a.Target == target).ToListAsync();
    }

    public static async Task<T> WithDbAsync<T>(PortalFactory factory, Func<PortalDbContext, Task<T>> work)
    {
        using var scope = factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>Where a redirect points, as a local path and query (pages redirect with absolute URLs).</summary>
    public static string? Target(this HttpResponseMessage res) =>
        res.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null;

    [GeneratedRegex("odp_[A-Za-z0-9_-]{43}")] public static partial Regex TokenRegex();
}
