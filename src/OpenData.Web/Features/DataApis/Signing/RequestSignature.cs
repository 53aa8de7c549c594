using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using OpenData.Web.Features.DataApis.Gateway;

namespace OpenData.Web.Features.DataApis.Signing;

/// <summary>The parts of a request that ODP1-HMAC-SHA256 signs.</summary>
public sealed record SignedRequestParts(
    string Method, string Host, string CanonicalPath, string CanonicalQuery,
    string AppKey, string Timestamp, string Nonce, string ContentSha256);

public static class RequestSignature
{
    public const string Algorithm = "ODP1-HMAC-SHA256";
    public const string EmptyBodySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static string StringToSign(SignedRequestParts p) => string.Join('\n',
        Algorithm, p.Method.ToUpperInvariant(), p.Host.ToLowerInvariant(), p.CanonicalPath, p.CanonicalQuery,
        p.AppKey, p.Timestamp, p.Nonce, p.ContentSha256);

    public static string Sign(string appSecret, SignedRequestParts parts) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(StringToSign(parts))));

    /// <summary>The six X-ODP headers of a signed request, for .NET callers (the tests' client, the benchmark's load generator).</summary>
    public static void AddSignature(this HttpRequestHeaders headers, string appSecret, SignedRequestParts parts)
    {
        headers.Add(SignatureHeaders.AppKey, parts.AppKey);
        headers.Add(SignatureHeaders.Timestamp, parts.Timestamp);
        headers.Add(SignatureHeaders.Nonce, parts.Nonce);
        headers.Add(SignatureHeaders.ContentSha256, parts.ContentSha256);
        headers.Add(SignatureHeaders.Method, "HMAC-SHA256");
        headers.Add(SignatureHeaders.Signature, Sign(appSecret, parts));
    }

    public static string BodySha256(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>Constant-time comparison of the presented signature against the one computed with a secret.</summary>
    public static bool Matches(string appSecret, SignedRequestParts parts, string presented)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(appSecret, parts));
        var actual = Encoding.ASCII.GetBytes(presented);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
