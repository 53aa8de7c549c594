using System.Net;
using OpenData.IntegrationTests.Infrastructure;

namespace OpenData.IntegrationTests.Features.DataApis;

/// <summary>
/// The interactive console (Scalar) was removed (ADR 0190: over 1 s to load even from the cache): the Chinese
/// reference is the reference, its old addresses lead there or to the API's own page, and no page needs a
/// script nonce any more.
/// </summary>
public abstract class ApiReferenceTests(PortalFactory factory)
{
    [Fact]
    public async Task The_former_console_addresses_lead_to_the_Chinese_reference_and_the_API_page()
    {
        var (code, _) = await GatewayData.LoadAsync(factory);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var platform = await client.GetAsync("/developer/reference/v1");
        Assert.Equal(HttpStatusCode.MovedPermanently, platform.StatusCode);
        Assert.Equal("/developer/docs/api", platform.Headers.Location?.OriginalString);
        var api = await client.GetAsync($"/developer/reference/apis/{code}");
        Assert.Equal(HttpStatusCode.MovedPermanently, api.StatusCode);
        Assert.Equal($"/apis/{code}", api.Headers.Location?.OriginalString);
        // The console's 4.9 MB script is no longer served: its old address only redirects.
        Assert.Equal(HttpStatusCode.MovedPermanently, (await client.GetAsync("/developer/reference/scalar.js")).StatusCode);
    }

    [Fact]
    public async Task Pages_link_the_Chinese_reference_and_the_OpenAPI_documents_never_the_console()
    {
        var (code, _) = await GatewayData.LoadAsync(factory);
        var client = factory.CreateClient();
        var list = await client.GetAsync("/apis");
        var listHtml = await list.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/developer/docs/api\"", listHtml);
        Assert.DoesNotContain("nonce-", list.Headers.GetValues("Content-Security-Policy").Single());
        var detail = await client.GetStringAsync($"/apis/{code}");
        Assert.Contains($"href=\"/openapi/apis/{code}.json\"", detail);
        foreach (var html in new[] { listHtml, detail, await client.GetStringAsync("/developer/docs/api"), await client.GetStringAsync("/developer") })
            Assert.DoesNotContain("/developer/reference", html);
        Assert.Contains($"/api/v1/data/{code}/records", await client.GetStringAsync($"/openapi/apis/{code}.json"));
    }
}

public sealed class ApiReferenceTestsSqlite(GatewaySqliteFactory f) : ApiReferenceTests(f), IClassFixture<GatewaySqliteFactory>;
public sealed class ApiReferenceTestsPostgres(GatewayPostgresFactory f) : ApiReferenceTests(f), IClassFixture<GatewayPostgresFactory>;
