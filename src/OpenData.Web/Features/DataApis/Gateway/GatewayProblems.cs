using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.DataApis.Gateway;

/// <summary>The stable error codes of api-signing.md, as problem+json.</summary>
public static class GatewayProblems
{
    public const string SignatureInvalid = "ODP.SignatureInvalid";
    public const string TimestampSkew = "ODP.TimestampSkew";
    public const string NonceReused = "ODP.NonceReused";
    public const string NotGranted = "ODP.NotGranted";
    public const string RateLimited = "ODP.RateLimited";
    public const string QuotaExceeded = "ODP.QuotaExceeded";
    public const string BadRequest = "ODP.BadRequest";
    public const string NotFound = "ODP.NotFound";
    public const string UpstreamFailed = "ODP.UpstreamFailed";

    /// <summary>
    /// An unknown AppKey and a wrong signature give byte-for-byte the same answer, so the gateway
    /// cannot be used to find out which AppKeys exist (ADR 0050).
    /// </summary>
    public static IResult BadSignature() =>
        ProblemDefaults.Problem(401, SignatureInvalid, "签名无效：请检查 AppKey、AppSecret 和待签名字符串的构造（见接口文档）。");

    public static IResult Bad(string detail) => ProblemDefaults.Problem(400, BadRequest, detail);
}
