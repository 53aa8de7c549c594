using Microsoft.Extensions.Caching.Memory;
using OpenData.Web.Features.Datastore;

namespace OpenData.Web.Features.DataApis.Gateway;

/// <summary>
/// Short-lived per-node copies of what every signed call reads (the app by AppKey, the grant of an app for
/// an API, the API's current table), so a call costs the two writes that must be exact across nodes (nonce,
/// quota) plus its data query. Only hits are kept: a new app, a new approval or a first load works at once.
/// Rotating or disabling an app clears its entry on this node; other nodes follow within <see cref="Lifetime"/>.
/// </summary>
public sealed class GatewayCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    /// <summary>The secrets are kept decrypted for the entry's two seconds: unprotecting them cost more than the HMAC.</summary>
    public sealed record App(int Id, string Secret, string? PreviousSecret, DateTimeOffset? PreviousSecretExpiresAt, bool IsDisabled);
    /// <summary>RestrictedDatasetId: the API's dataset when it is 有条件开放, whose grant is checked on every call as well.</summary>
    public sealed record Grant(int Id, int? DailyQuota, int? RestrictedDatasetId = null);

    public Task<App?> AppAsync(string appKey, Func<Task<App?>> load) => GetAsync("odp:gw:app:" + appKey, load);
    public Task<Grant?> GrantAsync(int appId, string apiCode, Func<Task<Grant?>> load) => GetAsync($"odp:gw:grant:{appId}:{apiCode}", load);
    public Task<ResourceTable?> TableAsync(string apiCode, Func<Task<ResourceTable?>> load) => GetAsync("odp:gw:table:" + apiCode, load);

    public void ForgetApp(string appKey) => cache.Remove("odp:gw:app:" + appKey);

    private async Task<T?> GetAsync<T>(string key, Func<Task<T?>> load) where T : class
    {
        if (cache.TryGetValue(key, out T? hit)) return hit;
        var value = await load();
        if (value is not null) cache.Set(key, value, Lifetime);
        return value;
    }
}
