using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OpenData.Web.Infrastructure.Web;

/// <summary>"OpenData:ForwardedHeaders" settings (docs/configuration.md, nginx example in docs/operations.md).</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "OpenData:ForwardedHeaders";
    /// <summary>Addresses of the reverse proxies whose X-Forwarded-For/-Proto/-Host are believed (besides loopback).</summary>
    public string[] KnownProxies { get; set; } = [];
    /// <summary>Networks (CIDR, e.g. 10.0.0.0/8) whose proxies are believed.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>
/// Behind a TLS-terminating proxy the app sees plain HTTP: without X-Forwarded-Proto it would set no Secure
/// cookie and no HSTS, and every client would share the proxy's address (the sign-in throttle counts by it).
/// The headers are believed only from loopback and the configured proxies and networks, so a client cannot
/// claim another address or scheme by sending them itself.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static void AddForwardedHeaders(this IServiceCollection services, IConfiguration config)
    {
        var settings = config.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Defaults already hold 127.0.0.1 and ::1 (a proxy on the same machine).
            foreach (var p in settings.KnownProxies.Where(p => p.Length > 0))
                o.KnownProxies.Add(IPAddress.Parse(p.Trim()));
            foreach (var n in settings.KnownNetworks.Where(n => n.Length > 0))
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n.Trim()));
        });
    }
}
