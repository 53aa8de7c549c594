using System.Net;
using System.Net.Sockets;

namespace OpenData.Web.Features.DataApis.Services;

public sealed class UpstreamRefusedException(string message) : Exception(message);

/// <summary>
/// Forwards approved calls to a department's own system. SSRF guards: the host must be on the allow-list;
/// redirects are followed by hand and only to allow-listed hosts; the connection itself refuses private,
/// loopback and link-local addresses unless the exact host was allow-listed (DNS answers can change).
/// </summary>
public sealed class UpstreamForwarder : IDisposable
{
    private readonly HttpClient _http;
    private static readonly HttpRequestOptionsKey<HashSet<string>> AllowKey = new("odp.allow");

    public UpstreamForwarder()
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectCallback = ConnectAsync };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<HttpResponseMessage> SendAsync(string method, Uri target, byte[] body, string? contentType, HashSet<string> allow, TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        for (var hop = 0; hop < 4; hop++)
        {
            if (target.Scheme is not ("http" or "https")) throw new UpstreamRefusedException("上游地址只能是 http 或 https。");
            if (!allow.Contains(target.Host)) throw new UpstreamRefusedException($"上游主机“{target.Host}”不在管理员配置的白名单中。");
            var req = new HttpRequestMessage(new HttpMethod(method), target);
            req.Options.Set(AllowKey, allow);
            if (body.Length > 0 || method == "POST")
            {
                req.Content = new ByteArrayContent(body);
                if (contentType is not null) req.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
            var res = await _http.SendAsync(req, HttpCompletionOption.ResponseContentRead, cts.Token);
            if ((int)res.StatusCode is not (301 or 302 or 303 or 307 or 308) || res.Headers.Location is null) return res;
            target = res.Headers.Location.IsAbsoluteUri ? res.Headers.Location : new Uri(target, res.Headers.Location);
            if (res.StatusCode == HttpStatusCode.SeeOther) { method = "GET"; body = []; }
            res.Dispose();
        }
        throw new UpstreamRefusedException("上游重定向次数过多。");
    }

    /// <summary>
    /// The connection guard, also used by the showcase's link check: without an allow-list on the request,
    /// every private, loopback and link-local address is refused.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var allow = context.InitialRequestMessage.Options.TryGetValue(AllowKey, out var a) ? a : [];
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var usable = addresses.Where(ip => allow.Contains(host) || !IsPrivate(ip)).ToArray();
        if (usable.Length == 0) throw new UpstreamRefusedException($"上游主机“{host}”解析到内网地址，且不在白名单中。");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch { socket.Dispose(); throw; }
    }

    public static bool IsPrivate(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (IPAddress.IsLoopback(ip) || ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) return true;
        if (ip.AddressFamily != AddressFamily.InterNetwork) return false;
        var b = ip.GetAddressBytes();
        return b[0] == 10 || b[0] == 127 || b[0] == 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }

    public void Dispose() => _http.Dispose();
}
