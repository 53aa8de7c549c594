using StackExchange.Redis;

namespace OpenData.Web.Features.DataApis.Gateway;

/// <summary>
/// Nonces in Redis (DataApis:NonceStore = Redis): one SET key NX PX per call decides atomically for every
/// node that shares the server, and Redis expires the key itself, so nothing needs cleaning up. For a
/// deployment where the nonce INSERT becomes the database's hottest write (ADR 0050).
/// </summary>
public sealed class RedisNonceStore(IConnectionMultiplexer redis, TimeProvider clock) : INonceStore
{
    public const string KeyPrefix = "odp:nonce:";

    public Task<bool> TryUseAsync(int appId, string nonce, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var ttl = expiresAt - clock.GetUtcNow();
        if (ttl < TimeSpan.FromSeconds(1)) ttl = TimeSpan.FromSeconds(1);
        return redis.GetDatabase().StringSetAsync($"{KeyPrefix}{appId}:{nonce}", 1, ttl, When.NotExists);
    }

    /// <summary>One multiplexer per process (it pools and reconnects); the app starts even while Redis is down.</summary>
    public static IConnectionMultiplexer Connect(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(options);
    }
}
