// ODP1-HMAC-SHA256 签名示例（.NET 10，运行：dotnet run sign.cs）。
// 用签名规范中的测试向量计算签名，输出应为 /VOqcDraO+ATqSq6FqQrrWdxUjU8Ca0TikH0/busDsE=
using System.Security.Cryptography;
using System.Text;

// RFC 3986：只保留 A-Z a-z 0-9 - _ . ~，其余按 UTF-8 编码为大写 %XX
static string Enc(string s) => Uri.EscapeDataString(s);

static string CanonicalQuery(string query) => string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
    .Select(part => part.Split('=', 2))
    .Select(p => (Name: Enc(Uri.UnescapeDataString(p[0])), Value: Enc(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))))
    .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
    .Select(p => $"{p.Name}={p.Value}"));

var (method, host, path, query) = ("POST", "data.example.gov.cn", "/api/v1/datasets/ds_001/query", "pageSize=20&page=1");
var (appKey, appSecret) = ("204512345678", "Y2hhbmdlLW1lLXRoaXMtaXMtYS0zMi1ieXRlLXNlY3JldCE");
var (timestamp, nonce) = ("1767225600000", "9f1c2d3e4a5b6c7d8e9fa0b1c2d3e4f5");
var body = Encoding.UTF8.GetBytes("""{"filters":[{"field":"region","op":"eq","value":"杭州"}]}""");

var bodySha = Convert.ToHexStringLower(SHA256.HashData(body));
var canonicalPath = string.Join('/', path.Split('/').Select(seg => Enc(Uri.UnescapeDataString(seg))));
var stringToSign = string.Join('\n', "ODP1-HMAC-SHA256", method.ToUpperInvariant(), host.ToLowerInvariant(), canonicalPath,
    CanonicalQuery(query), appKey, timestamp, nonce, bodySha);
var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(stringToSign)));
Console.WriteLine(stringToSign);
Console.WriteLine($"X-ODP-Signature: {signature}");
