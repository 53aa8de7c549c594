using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Infrastructure.Auth;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;

namespace OpenData.IntegrationTests.Features.Admin;

/// <summary>
/// Every route under /admin and /api/v1/admin, read from the app's own endpoint table (so a new admin route
/// cannot be forgotten), refuses visitors, registered users and providers.
/// </summary>
public abstract partial class AdminRouteGuardTests(PortalFactory factory)
{
    [GeneratedRegex(@"\{[^}]+\}")] private static partial Regex ParameterRegex();

    private List<(string Method, string Path)> AdminRoutes() => PolicyRoutes().Select(r => (r.Method, r.Path)).Distinct().ToList();

    /// <summary>Which back-office roles each policy admits (ADR 0030: Reviewer does not admit Admin, and so on).</summary>
    private static readonly Dictionary<string, string[]> Admits = new()
    {
        [Policies.Admin] = [Roles.Admin],
        [Policies.Reviewer] = [Roles.Reviewer],
        [Policies.Auditor] = [Roles.Auditor],
        [Policies.BackOffice] = [Roles.Admin, Roles.Reviewer, Roles.Auditor],
    };

    /// <summary>Every admin route with the policy its endpoint metadata names (pages: [Authorize(Policy)], APIs: RequireAuthorization).</summary>
    private List<(string Method, string Path, string? Policy)> PolicyRoutes()
    {
        var routes = new List<(string, string, string?)>();
        foreach (var e in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var raw = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            if (!raw.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) && !raw.StartsWith("/api/v1/admin", StringComparison.OrdinalIgnoreCase))
                continue;
            var path = ParameterRegex().Replace(raw, "1");
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            var policy = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            foreach (var m in methods) routes.Add((m, path, policy));
        }
        return routes.Distinct().ToList();
    }

    [Fact]
    public void Every_admin_route_names_one_of_the_back_office_policies()
    {
        foreach (var (method, path, policy) in PolicyRoutes())
            Assert.True(policy is not null && Admits.ContainsKey(policy), $"{method} {path} has policy '{policy}'");
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.Auditor)]
    public async Task Each_back_office_role_reaches_exactly_the_routes_of_its_policy(string role)
    {
        var (client, _) = await BackOfficeKit.BackOfficeClientAsync(factory, role);
        var checkedAllowed = 0;
        foreach (var (method, path, policy) in PolicyRoutes())
        {
            var allowed = Admits[policy!].Contains(role);
            if (allowed && method != "GET") continue; // an allowed POST would act: the refusals are what this test proves
            var res = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            if (allowed)
            {
                Assert.False(res.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized || (int)res.StatusCode >= 500
                    || res.Headers.Location?.OriginalString.Contains("/account/") == true, $"{role}: {method} {path} answered {(int)res.StatusCode} {res.Headers.Location}");
                checkedAllowed++;
            }
            else AssertRefused(res, method, path, signedIn: true);
        }
        Assert.True(checkedAllowed > 0, $"{role} reached no admin route at all");
    }

    [Fact]
    public void The_route_table_has_admin_routes_to_check() => Assert.NotEmpty(AdminRoutes());

    [Fact]
    public async Task Visitors_are_refused_on_every_admin_route()
    {
        var client = factory.CreateBrowserClient();
        foreach (var (method, path) in AdminRoutes())
            AssertRefused(await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)), method, path, signedIn: false);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(Roles.Provider, "sthjj")]
    public async Task Signed_in_non_administrators_are_refused_on_every_admin_route(string? role, string? org)
    {
        var (client, _) = await SignedInAsync(factory, role, org);
        foreach (var (method, path) in AdminRoutes())
            AssertRefused(await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)), method, path, signedIn: true);
    }

    private static void AssertRefused(HttpResponseMessage res, string method, string path, bool signedIn)
    {
        var where = $"{method} {path} answered {(int)res.StatusCode} {res.Headers.Location}";
        if (path.StartsWith("/api/"))
        {
            Assert.True(res.StatusCode == (signedIn ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized), where);
            return;
        }
        Assert.True(res.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, where);
        Assert.Contains(signedIn ? "/account/access-denied" : "/account/login", res.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

public sealed class AdminRouteGuardTestsSqlite(SqlitePortalFactory f) : AdminRouteGuardTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class AdminRouteGuardTestsPostgres(PostgresPortalFactory f) : AdminRouteGuardTests(f), IClassFixture<PostgresPortalFactory>;
