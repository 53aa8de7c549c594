using System.Security.Cryptography;
using System.Text;

namespace OpenData.EndToEndTests.Infrastructure;

/// <summary>An independent signer (not the server's classes), as a developer would write it.</summary>
public static class IndependentSigner
{
    public static HttpRequestMessage Get(string authority, string appKey, string secret, string pathAndQuery)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString();
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var sha = Convert.ToHexStringLower(SHA256.HashData([]));
        var parts = pathAndQuery.Split('?');
        var query = string.Join('&', parts[1].Split('&').Order(StringComparer.Ordinal));
        var sts = string.Join('\n', "ODP1-HMAC-SHA256", "GET", authority, parts[0], query, appKey, ts, nonce, sha);
        var req = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        req.Headers.Add("X-ODP-AppKey", appKey);
        req.Headers.Add("X-ODP-Timestamp", ts);
        req.Headers.Add("X-ODP-Nonce", nonce);
        req.Headers.Add("X-ODP-Content-SHA256", sha);
        req.Headers.Add("X-ODP-Signature-Method", "HMAC-SHA256");
        req.Headers.Add("X-ODP-Signature", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(sts))));
        return req;
    }
}
