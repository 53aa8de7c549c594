using System.Net;
using System.Text.RegularExpressions;
using OpenData.IntegrationTests.Infrastructure;

namespace OpenData.IntegrationTests.Features.DataApis;

/// <summary>The interactive reference (Scalar): served from the package, no CDN, admitted by the CSP through a per-response nonce.</summary>
public abstract partial class ApiReferenceTests(PortalFactory factory)
{
    [GeneratedRegex("<script(?<attrs>[^>]*)>(?<body>.*?)</script>", RegexOptions.Singleline)] private static partial Regex ScriptRegex();
    [GeneratedRegex("\\ssrc=\"(?<src>[^\"]+)\"")] private static partial Regex SrcRegex();
    [GeneratedRegex("\\snonce=\"(?<nonce>[^\"]+)\"")] private static partial Regex NonceRegex();
    [GeneratedRegex("'nonce-(?<nonce>[^']+)'")] private static partial Regex CspNonceRegex();
    [GeneratedRegex("\"sources\":\\[\\{[^}]*\"url\":\"(?<url>[^\"]+)\"")] private static partial Regex SourceRegex();

    /// <summary>The document the page loads: Scalar resolves a relative source URL against the site root.</summary>
    private async Task<string> AssertDocumentAnswersAsync(HttpClient client, string html)
    {
        var url = SourceRegex().Match(WebUtility.HtmlDecode(html)).Groups["url"].Value;
        Assert.False(url.Contains("//"), url);
        var doc = await client.GetAsync(new Uri(client.BaseAddress!, "/" + url.TrimStart('/')));
        Assert.Equal(HttpStatusCode.OK, doc.StatusCode);
        return "/" + url.TrimStart('/');
    }

    /// <summary>Loads a reference page and checks every script on it is local and admitted by the response's CSP.</summary>
    private async Task<string> AssertLocalReferenceAsync(HttpClient client, string url)
    {
        var res = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        var csp = res.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' 'nonce-", csp);
        Assert.DoesNotContain("unsafe-inline' 'nonce", csp);
        var cspNonce = CspNonceRegex().Match(csp).Groups["nonce"].Value;
        var scripts = ScriptRegex().Matches(html);
        Assert.NotEmpty(scripts);
        var page = new Uri(client.BaseAddress!, url);
        foreach (Match s in scripts)
        {
            var attrs = s.Groups["attrs"].Value;
            Assert.Equal(cspNonce, WebUtility.HtmlDecode(NonceRegex().Match(attrs).Groups["nonce"].Value));
            if (SrcRegex().Match(attrs) is { Success: true } src)
            {
                var target = new Uri(page, WebUtility.HtmlDecode(src.Groups["src"].Value));
                Assert.Equal(page.Authority, target.Authority); // local, never a CDN
                var asset = await client.GetAsync(target);
                Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
                Assert.True((await asset.Content.ReadAsByteArrayAsync()).Length > 1000, $"{target} is a real script");
            }
        }
        Assert.DoesNotContain("cdn.jsdelivr", html);
        Assert.DoesNotContain("fonts.scalar.com", html);
        return html;
    }

    [Fact]
    public async Task A_data_API_reference_page_loads_only_local_scripts_and_its_OpenAPI_document_answers()
    {
        var (code, _) = await GatewayData.LoadAsync(factory);
        var client = factory.CreateClient();
        var detail = await client.GetStringAsync($"/apis/{code}");
        Assert.Contains($"href=\"/developer/reference/apis/{code}\"", detail);
        var html = await AssertLocalReferenceAsync(client, $"/developer/reference/apis/{code}");
        var docUrl = await AssertDocumentAnswersAsync(client, html);
        Assert.Equal($"/openapi/apis/{code}.json", docUrl);
        Assert.Contains($"/api/v1/data/{code}/records", await client.GetStringAsync(docUrl));
    }

    [Fact]
    public async Task The_platform_reference_points_at_openapi_v1_and_other_pages_keep_the_strict_policy()
    {
        var client = factory.CreateClient();
        Assert.Contains("href=\"/developer/reference/v1\"", await client.GetStringAsync("/apis"));
        var html = await AssertLocalReferenceAsync(client, "/developer/reference/v1");
        Assert.Equal("/openapi/v1.json", await AssertDocumentAnswersAsync(client, html));
        var home = await client.GetAsync("/apis");
        Assert.DoesNotContain("nonce-", home.Headers.GetValues("Content-Security-Policy").Single());
    }
}

public sealed class ApiReferenceTestsSqlite(GatewaySqliteFactory f) : ApiReferenceTests(f), IClassFixture<GatewaySqliteFactory>;
public sealed class ApiReferenceTestsPostgres(GatewayPostgresFactory f) : ApiReferenceTests(f), IClassFixture<GatewayPostgresFactory>;
