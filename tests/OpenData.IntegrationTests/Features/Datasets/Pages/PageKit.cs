using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;

namespace OpenData.IntegrationTests.Features.Datasets.Pages;

/// <summary>Browser-like clients for the dataset pages. They sign in with a personal token, which the portal
/// accepts on pages as well, so these tests do not depend on the login page.</summary>
public static partial class PageKit
{
    public const string Password = "Secret#2026a";

    /// <summary>A cookie-keeping client without redirects, signed in as a fresh user.</summary>
    public static async Task<HttpClient> NewUserClientAsync(PortalFactory factory, string? role = null, string? org = null)
    {
        using var scope = factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<AccountCommands>()
            .CreateUserAsync("p" + Guid.NewGuid().ToString("N")[..10], Password, role, org, "测试用户");
        return await ClientForAsync(factory, user.UserName!);
    }

    /// <summary>A client signed in as an existing account (e.g. the demo "provider" or "developer").</summary>
    public static async Task<HttpClient> ClientForAsync(PortalFactory factory, string userName)
    {
        using var scope = factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"no user {userName}");
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, user.UserName!, "pages-test");
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }

    public static string Location(this HttpResponseMessage res) =>
        res.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.ToString())
            : throw new InvalidOperationException($"No redirect: {(int)res.StatusCode}");

    /// <summary>All href values of a page, HTML-decoded.</summary>
    public static List<string> Links(string html) =>
        HrefRegex().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex HrefRegex();
}
