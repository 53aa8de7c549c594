using System.Net;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Showcase;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Showcase.ShowcaseKit;

namespace OpenData.IntegrationTests.Features.Showcase;

/// <summary>A 50 MB screenshot sent through the page form gets the image checks' Chinese message, as the JSON API does.</summary>
public abstract class ShowcasePageLimitTests(PortalFactory factory)
{
    [Fact]
    public async Task The_page_form_has_the_api_request_limits_and_refuses_a_50_mb_image_with_the_clear_message()
    {
        // The test server does not enforce Kestrel's 30 MB default, so the endpoint's own limits are checked as well.
        var sources = factory.Service<EndpointDataSource>();
        var page = sources.Endpoints.OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText?.TrimStart('/') == "me/showcase/new");
        Assert.Equal(ShowcaseEndpoints.MaxRequestBytes, page.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize);
        Assert.Equal(ShowcaseEndpoints.MaxRequestBytes, page.Metadata.GetMetadata<IFormOptionsMetadata>()?.MultipartBodyLengthLimit);

        var (client, _) = await SignedInAsync(factory);
        var files = FileCount(factory);
        var res = await client.PostMultipartFormAsync("/me/showcase/new", "showcase-submit", Fields(await DatasetSlugAsync(factory)),
            "screenshots", "大图.png", [.. Png(), .. new byte[50 * 1024 * 1024]], "image/png");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains("提交未成功", html);
        Assert.Contains("5 MB", html);
        Assert.Equal(files, FileCount(factory));
    }
}

public sealed class ShowcasePageLimitTestsSqlite(SqlitePortalFactory f) : ShowcasePageLimitTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class ShowcasePageLimitTestsPostgres(PostgresPortalFactory f) : ShowcasePageLimitTests(f), IClassFixture<PostgresPortalFactory>;
