using System.Net;
using System.Text.RegularExpressions;
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

    private List<(string Method, string Path)> AdminRoutes()
    {
        var routes = new List<(string, string)>();
        foreach (var e in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var raw = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
            if (!raw.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) && !raw.StartsWith("/api/v1/admin", StringComparison.OrdinalIgnoreCase))
                continue;
            var path = ParameterRegex().Replace(raw, "1");
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var m in methods) routes.Add((m, path));
        }
        return routes.Distinct().ToList();
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
