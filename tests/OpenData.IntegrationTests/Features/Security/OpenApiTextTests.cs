using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Features.DataApis;
using OpenData.IntegrationTests.Infrastructure;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;

namespace OpenData.IntegrationTests.Features.Security;

/// <summary>Provider Markdown reaches an API's OpenAPI document as plain text: no link, image or tag survives.</summary>
public abstract class OpenApiTextTests(PortalFactory factory)
{
    [Fact]
    public async Task Provider_markdown_and_html_enter_the_OpenAPI_document_as_plain_text()
    {
        var (code, resourceId) = await GatewayData.LoadAsync(factory);
        await WithDbAsync(factory, async db =>
        {
            var dataset = await db.Resources.Where(r => r.Id == resourceId).Select(r => r.Dataset!).SingleAsync();
            dataset.Summary = "空气质量 [点这里](https://evil.example/x) ![图](https://evil.example/p.png) <img src=x onerror=alert(1)> &lt;b&gt;粗&lt;/b&gt;";
            return await db.SaveChangesAsync();
        });
        var res = await factory.CreateClient().GetAsync($"/openapi/apis/{code}.json");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var json = await res.Content.ReadAsStringAsync();
        Assert.Contains("点这里", json);
        Assert.DoesNotContain("evil.example", json);
        Assert.DoesNotContain("<img", json);
        Assert.DoesNotContain("\\u003Cimg", json);
        Assert.DoesNotContain("\\u003Cb", json);
        Assert.DoesNotContain("<b>", json);
    }
}

public sealed class OpenApiTextTestsSqlite(GatewaySqliteFactory f) : OpenApiTextTests(f), IClassFixture<GatewaySqliteFactory>;
public sealed class OpenApiTextTestsPostgres(GatewayPostgresFactory f) : OpenApiTextTests(f), IClassFixture<GatewayPostgresFactory>;
