using System.Net.Http.Headers;
using System.Text;
using OpenData.Web.Features.DataApis.Signing;

namespace OpenData.IntegrationTests.Features.DataApis;

/// <summary>Builds signed requests the way the documented samples do; knobs let tests break one part at a time.</summary>
public sealed class SigningClient(HttpClient http, string appKey, string appSecret)
{
    public string AppKey { get; set; } = appKey;
    public string AppSecret { get; set; } = appSecret;

    public HttpRequestMessage Build(HttpMethod method, string pathAndQuery, string? body = null, long? timestampMs = null, string? nonce = null,
        string? signQuery = null, string? signBody = null)
    {
        var bodyBytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var hashed = signBody is null ? bodyBytes : Encoding.UTF8.GetBytes(signBody);
        var ts = (timestampMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        nonce ??= Guid.NewGuid().ToString("N");
        var q = pathAndQuery.IndexOf('?');
        var path = q < 0 ? pathAndQuery : pathAndQuery[..q];
        var query = signQuery ?? (q < 0 ? "" : pathAndQuery[(q + 1)..]);
        var sha = RequestSignature.BodySha256(hashed);
        var parts = new SignedRequestParts(method.Method, http.BaseAddress!.Authority, Canonical.Path(path)!, Canonical.Query(query), AppKey, ts, nonce, sha);
        var req = new HttpRequestMessage(method, pathAndQuery);
        if (body is not null) req.Content = new ByteArrayContent(bodyBytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        req.Headers.AddSignature(AppSecret, parts);
        return req;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage req) => http.SendAsync(req);

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => http.SendAsync(Build(HttpMethod.Get, pathAndQuery));

    public Task<HttpResponseMessage> PostAsync(string pathAndQuery, string body) => http.SendAsync(Build(HttpMethod.Post, pathAndQuery, body));
}
