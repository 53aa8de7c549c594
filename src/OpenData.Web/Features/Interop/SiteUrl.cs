using Microsoft.Extensions.Options;

namespace OpenData.Web.Features.Interop;

/// <summary>Absolute URLs of the portal: the configured public address, else the one the request came in on.</summary>
public sealed class SiteUrl(IOptions<InteropOptions> options, IHttpContextAccessor http)
{
    public string Base
    {
        get
        {
            if (options.Value.PublicBaseUrl is { Length: > 0 } configured) return configured.TrimEnd('/');
            var r = http.HttpContext?.Request;
            return r is null ? "http://localhost" : $"{r.Scheme}://{r.Host}{r.PathBase}";
        }
    }

    public string Of(string path) => Base + (path.StartsWith('/') ? path : "/" + path);

    public string Dataset(string slug) => Of("/datasets/" + Uri.EscapeDataString(slug));

    /// <summary>The original file of the current version, agreement accepted (only served when anonymous download is on).</summary>
    public string Download(string slug, int resourceId) =>
        Of($"/api/v1/datasets/{Uri.EscapeDataString(slug)}/resources/{resourceId}/download?format=original&acceptAgreement=true");
}
