using System.Security.Cryptography;
using OpenData.Web.Infrastructure.Web;
using Scalar.AspNetCore;

namespace OpenData.Web.Features.DataApis.Catalog;

/// <summary>
/// The interactive reference (Scalar) of the platform document (/openapi/v1.json) and of each data API's own
/// document. Scalar's page and its scripts are served from the package (no CDN, no web fonts, no telemetry,
/// no hosted proxy, no developer toolbar), so it works offline; its page resolves the document URL against
/// the site root. Its page boots with one inline module script: it gets a fresh
/// nonce per request, and the CSP of that response alone admits it (ADR 0050).
/// </summary>
public static class ApiReference
{
    /// <summary>/developer/reference/v1: the platform's public APIs.</summary>
    public const string PlatformPrefix = "/developer/reference";
    /// <summary>/developer/reference/apis/{code}: one data API or department API.</summary>
    public const string ApiPrefix = "/developer/reference/apis";

    public static string Platform => PlatformPrefix + "/v1";
    public static string For(string code) => $"{ApiPrefix}/{Uri.EscapeDataString(code)}";

    public static void MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(ApiPrefix, (o, ctx) => Configure(o, ctx, "/openapi/apis/{documentName}.json", "数据接口参考"));
        app.MapScalarApiReference(PlatformPrefix, (o, ctx) => Configure(o, ctx, "/openapi/{documentName}.json", "开放平台 API 参考"));
    }

    private static void Configure(ScalarOptions o, HttpContext ctx, string pattern, string title)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        ctx.Items[SecurityHeadersMiddleware.ScriptNonceKey] = nonce;
        o.WithTitle(title + " - 丽水市公共数据开放平台")
            .WithOpenApiRoutePattern(pattern)
            .WithNonce(nonce)
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .HideClientButton();
    }
}
