using System.Net;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.OpenIndex;

public static class AccessActions
{
    public const string View = "view", Download = "download", Call = "call", Search = "search";
}

public static class AccessChannels
{
    public const string Page = "page", Download = "download", Api = "api";
}

public static class AccessItems
{
    public const string Dataset = "dataset", Api = "api", App = "app", Search = "search";
}

/// <summary>What the request thread hands over: the user id and full address stay in memory only, until the writer
/// has looked up 行业/职业 and the region and truncated the address.</summary>
public sealed record AccessHit(DateTimeOffset At, string Action, string Channel, string ItemKind, string ItemKey,
    string Referrer, string? UserId, IPAddress? Address);

/// <summary>
/// The one place every counted access goes through (dataset, API and app pages, downloads, API calls, searches).
/// It only queues: no database work on the request path, so recording never slows a page (the writer saves batches).
/// </summary>
public sealed class AccessRecorder(IHttpContextAccessor accessor, AccessWriter writer, TimeProvider clock)
{
    /// <summary>The referrer of a click within the platform itself.</summary>
    public const string Internal = "站内";

    /// <summary>Channel: page or api from the request path unless given (downloads say so). The item's department
    /// is looked up by the writer, in one query per batch.</summary>
    public void Record(string action, string itemKind, string itemKey, string? channel = null, HttpContext? http = null)
    {
        http ??= accessor.HttpContext;
        if (http is null || DatasetViews.IsCrawler(http.Request.Headers.UserAgent.ToString())) return;
        channel ??= http.Request.Path.StartsWithSegments("/api") ? AccessChannels.Api : AccessChannels.Page;
        var key = itemKey.Length > 64 ? itemKey[..64] : itemKey;
        writer.Enqueue(new AccessHit(clock.GetUtcNow(), action, channel, itemKind, key,
            ReferrerHost(http), DatasetAccess.UserId(http.User), http.Connection.RemoteIpAddress));
    }

    /// <summary>A search as typed: trimmed, lower-cased, squeezed. Callers record first result pages only (paging is not a new search).</summary>
    public void RecordSearch(string? q, HttpContext? http = null)
    {
        var words = NormalizeSearch(q);
        if (words.Length > 0) Record(AccessActions.Search, AccessItems.Search, words, null, http);
    }

    public static string NormalizeSearch(string? q)
    {
        var s = string.Join(' ', (q ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return s.Length > 32 ? s[..32] : s;
    }

    private static string ReferrerHost(HttpContext http)
    {
        if (!Uri.TryCreate(http.Request.Headers.Referer.ToString(), UriKind.Absolute, out var uri) || uri.Host.Length == 0) return "";
        if (string.Equals(uri.Host, http.Request.Host.Host, StringComparison.OrdinalIgnoreCase)) return Internal;
        var host = uri.Host.ToLowerInvariant();
        return host.Length > 100 ? host[..100] : host;
    }

    /// <summary>Privacy: only the network is kept, IPv4 /24 and IPv6 /48.</summary>
    public static string Truncate(IPAddress? address)
    {
        if (address is null) return "";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var b = address.GetAddressBytes();
        if (b.Length == 4) return $"{b[0]}.{b[1]}.{b[2]}.0/24";
        var kept = new byte[16];
        Array.Copy(b, kept, 6);
        return new IPAddress(kept) + "/48";
    }

    public static int Day(DateTimeOffset at)
    {
        var local = at.ToOffset(ChinaTime.Offset);
        return local.Year * 10000 + local.Month * 100 + local.Day;
    }
}
