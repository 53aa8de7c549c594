namespace OpenData.Web.Features.DataApis.Catalog;

/// <summary>
/// Copy-and-run samples of a signed call (api-signing.md) for the API detail page. The C# and Python
/// samples are executed by the tests against a live server, so what the page shows is known to work.
/// </summary>
public static class CodeSamples
{
    public sealed record Sample(string Key, string Label, string Code);

    /// <summary>Samples calling GET {baseUrl}/api/v1/data/{code}/records?page=1&amp;pageSize=10 (or the service path).</summary>
    public static IReadOnlyList<Sample> For(string baseUrl, string path) =>
    [
        new("curl", "curl", Curl(baseUrl, path)), new("csharp", "C#", CSharp(baseUrl, path)), new("java", "Java", Java(baseUrl, path)),
        new("python", "Python", Python(baseUrl, path)), new("javascript", "JavaScript", JavaScript(baseUrl, path)),
    ];

    public static string Curl(string baseUrl, string path) => $$"""
        APP_KEY='你的AppKey'; APP_SECRET='你的AppSecret'
        HOST='{{new Uri(baseUrl).Authority}}'; PATH_='{{Path(path)}}'; QUERY='{{Query(path)}}'
        TS=$(date +%s%3N); NONCE=$(openssl rand -hex 16)
        SHA=$(printf '' | openssl dgst -sha256 -hex | sed 's/^.* //')
        STS=$(printf 'ODP1-HMAC-SHA256\nGET\n%s\n%s\n%s\n%s\n%s\n%s\n%s' "$HOST" "$PATH_" "$QUERY" "$APP_KEY" "$TS" "$NONCE" "$SHA")
        SIG=$(printf '%s' "$STS" | openssl dgst -sha256 -hmac "$APP_SECRET" -binary | base64)
        curl -s "{{baseUrl}}$PATH_?$QUERY" -H "X-ODP-AppKey: $APP_KEY" -H "X-ODP-Timestamp: $TS" -H "X-ODP-Nonce: $NONCE" \
          -H "X-ODP-Content-SHA256: $SHA" -H "X-ODP-Signature-Method: HMAC-SHA256" -H "X-ODP-Signature: $SIG"
        """;

    public static string CSharp(string baseUrl, string path) => $$"""
        using System.Security.Cryptography;
        using System.Text;

        var appKey = Environment.GetEnvironmentVariable("ODP_APP_KEY") ?? "你的AppKey";
        var appSecret = Environment.GetEnvironmentVariable("ODP_APP_SECRET") ?? "你的AppSecret";
        var baseUrl = Environment.GetEnvironmentVariable("ODP_BASE_URL") ?? "{{baseUrl}}";
        var path = "{{Path(path)}}";
        var query = "{{Query(path)}}"; // 已按名称排序、按 RFC 3986 编码（空格为 %20）
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString();
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var bodySha = Convert.ToHexStringLower(SHA256.HashData(Array.Empty<byte>()));
        var host = new Uri(baseUrl).Authority.ToLowerInvariant();
        var stringToSign = string.Join('\n', "ODP1-HMAC-SHA256", "GET", host, path, query, appKey, timestamp, nonce, bodySha);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(stringToSign)));

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{baseUrl}{path}?{query}");
        request.Headers.Add("X-ODP-AppKey", appKey);
        request.Headers.Add("X-ODP-Timestamp", timestamp);
        request.Headers.Add("X-ODP-Nonce", nonce);
        request.Headers.Add("X-ODP-Content-SHA256", bodySha);
        request.Headers.Add("X-ODP-Signature-Method", "HMAC-SHA256");
        request.Headers.Add("X-ODP-Signature", signature);
        using var response = await http.SendAsync(request);
        Console.WriteLine((int)response.StatusCode);
        Console.WriteLine(await response.Content.ReadAsStringAsync());
        return response.IsSuccessStatusCode ? 0 : 1;
        """;

    public static string Python(string baseUrl, string path) => $$"""
        import hashlib, hmac, base64, os, secrets, time, urllib.request
        from urllib.parse import urlsplit

        app_key = os.environ.get("ODP_APP_KEY", "你的AppKey")
        app_secret = os.environ.get("ODP_APP_SECRET", "你的AppSecret")
        base_url = os.environ.get("ODP_BASE_URL", "{{baseUrl}}")
        path = "{{Path(path)}}"
        query = "{{Query(path)}}"  # 已按名称排序、按 RFC 3986 编码（空格为 %20）
        timestamp = str(int(time.time() * 1000))
        nonce = secrets.token_hex(16)
        body_sha = hashlib.sha256(b"").hexdigest()
        host = urlsplit(base_url).netloc.lower()
        string_to_sign = "\n".join(["ODP1-HMAC-SHA256", "GET", host, path, query, app_key, timestamp, nonce, body_sha])
        signature = base64.b64encode(hmac.new(app_secret.encode(), string_to_sign.encode(), hashlib.sha256).digest()).decode()
        request = urllib.request.Request(f"{base_url}{path}?{query}", headers={
            "X-ODP-AppKey": app_key, "X-ODP-Timestamp": timestamp, "X-ODP-Nonce": nonce,
            "X-ODP-Content-SHA256": body_sha, "X-ODP-Signature-Method": "HMAC-SHA256", "X-ODP-Signature": signature})
        with urllib.request.urlopen(request) as response:
            print(response.status)
            print(response.read().decode("utf-8"))
        """;

    public static string Java(string baseUrl, string path) => $$"""
        import java.net.URI;
        import java.net.http.*;
        import java.nio.charset.StandardCharsets;
        import java.security.*;
        import java.util.*;
        import javax.crypto.Mac;
        import javax.crypto.spec.SecretKeySpec;

        public class OdpSample {
            public static void main(String[] args) throws Exception {
                String appKey = "你的AppKey", appSecret = "你的AppSecret", baseUrl = "{{baseUrl}}";
                String path = "{{Path(path)}}", query = "{{Query(path)}}";
                String timestamp = String.valueOf(System.currentTimeMillis());
                byte[] n = new byte[16]; new SecureRandom().nextBytes(n);
                String nonce = HexFormat.of().formatHex(n);
                String bodySha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(new byte[0]));
                String host = URI.create(baseUrl).getAuthority().toLowerCase();
                String sts = String.join("\n", "ODP1-HMAC-SHA256", "GET", host, path, query, appKey, timestamp, nonce, bodySha);
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String signature = Base64.getEncoder().encodeToString(mac.doFinal(sts.getBytes(StandardCharsets.UTF_8)));
                HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path + "?" + query))
                    .header("X-ODP-AppKey", appKey).header("X-ODP-Timestamp", timestamp).header("X-ODP-Nonce", nonce)
                    .header("X-ODP-Content-SHA256", bodySha).header("X-ODP-Signature-Method", "HMAC-SHA256")
                    .header("X-ODP-Signature", signature).build();
                HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
                System.out.println(response.statusCode() + " " + response.body());
            }
        }
        """;

    public static string JavaScript(string baseUrl, string path) => $$"""
        // Node.js 18+（服务器端运行，AppSecret 不要放进浏览器）
        import { createHash, createHmac, randomBytes } from "node:crypto";

        const appKey = "你的AppKey", appSecret = "你的AppSecret", baseUrl = "{{baseUrl}}";
        const path = "{{Path(path)}}", query = "{{Query(path)}}";
        const timestamp = String(Date.now());
        const nonce = randomBytes(16).toString("hex");
        const bodySha = createHash("sha256").update("").digest("hex");
        const host = new URL(baseUrl).host.toLowerCase();
        const stringToSign = ["ODP1-HMAC-SHA256", "GET", host, path, query, appKey, timestamp, nonce, bodySha].join("\n");
        const signature = createHmac("sha256", appSecret).update(stringToSign).digest("base64");
        const response = await fetch(`${baseUrl}${path}?${query}`, { headers: {
          "X-ODP-AppKey": appKey, "X-ODP-Timestamp": timestamp, "X-ODP-Nonce": nonce, "X-ODP-Content-SHA256": bodySha,
          "X-ODP-Signature-Method": "HMAC-SHA256", "X-ODP-Signature": signature } });
        console.log(response.status, await response.text());
        """;

    private static string Path(string pathAndQuery) => pathAndQuery.Split('?')[0];
    private static string Query(string pathAndQuery) => pathAndQuery.Contains('?') ? Signing.Canonical.Query(pathAndQuery.Split('?', 2)[1]) : "";
}
