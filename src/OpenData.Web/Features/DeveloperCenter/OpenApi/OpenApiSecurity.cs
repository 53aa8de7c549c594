using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenData.Web.Features.DeveloperCenter.OpenApi;

/// <summary>
/// Two ways in: a personal access token ("Authorization: Bearer odp_…", BearerTokenHandler) for the account, provider and
/// admin API, and the ODP1-HMAC-SHA256 signature (api-signing.md) for the data and service gateway. OpenAPI has no HMAC
/// scheme, so ODP1 is the AppKey header with the other five signature headers in its description.
/// </summary>
public static class OpenApiSecurity
{
    public const string Bearer = "bearerToken";
    public const string Odp1 = "odp1Signature";
    private static readonly string[] GatewayPrefixes = ["api/v1/data/", "api/v1/services/"];
    private static readonly string[] AccountPrefixes = ["api/v1/me", "api/v1/manage", "api/v1/admin"];

    public static void DeclareSchemes(OpenApiDocument doc)
    {
        doc.Components ??= new OpenApiComponents();
        doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        doc.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "odp_…",
            Description = "个人访问令牌：在“个人中心 → 访问令牌”中创建，请求头 Authorization: Bearer odp_…。",
        };
        doc.Components.SecuritySchemes[Odp1] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-ODP-AppKey",
            Description = "ODP1-HMAC-SHA256 签名：除 X-ODP-AppKey 外，还须携带 X-ODP-Timestamp（13 位毫秒时间戳）、X-ODP-Nonce（32 位小写十六进制）、"
                + "X-ODP-Content-SHA256（请求体 SHA-256 小写十六进制）、X-ODP-Signature-Method（HMAC-SHA256）和 X-ODP-Signature"
                + "（以 AppSecret 对待签字符串做 HMAC-SHA256 后 Base64）。待签字符串见开发者中心的“签名说明”。",
        };
    }

    public static void Require(OpenApiOperation op, OpenApiOperationTransformerContext ctx)
    {
        var path = ctx.Description.RelativePath?.TrimStart('/') ?? "";
        var metadata = ctx.Description.ActionDescriptor.EndpointMetadata;
        string? scheme = null;
        if (GatewayPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase))) scheme = Odp1;
        else if (AccountPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            || (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())) scheme = Bearer;
        if (scheme is null) return;
        op.Security ??= [];
        op.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, ctx.Document)] = [] });
    }
}
