using System.Collections.Concurrent;

namespace OpenData.Web.Features.DataApis.Gateway;

/// <summary>
/// Requests per minute per app and API: a token bucket in this node's memory that holds a minute's worth
/// and refills evenly. A changed limit (site setting or the API's override) applies to the next call.
/// With several nodes each enforces the limit on its share; Redis would make it global (ADR 0050).
/// </summary>
public sealed class AppRateLimiter(TimeProvider clock)
{
    private sealed class Bucket { public double Tokens; public long Stamp; public int Limit; }
    private readonly ConcurrentDictionary<(int, string), Bucket> _buckets = new();

    public (bool Allowed, int Remaining, double RetryAfterSeconds) TryTake(int appId, string apiCode, int perMinute)
    {
        perMinute = Math.Max(1, perMinute);
        var now = clock.GetTimestamp();
        var b = _buckets.GetOrAdd((appId, apiCode), _ => new Bucket { Tokens = perMinute, Stamp = now, Limit = perMinute });
        lock (b)
        {
            var perSecond = perMinute / 60.0;
            if (b.Limit != perMinute) { b.Tokens = Math.Min(b.Tokens, perMinute); b.Limit = perMinute; }
            b.Tokens = Math.Min(perMinute, b.Tokens + clock.GetElapsedTime(b.Stamp, now).TotalSeconds * perSecond);
            b.Stamp = now;
            if (b.Tokens < 1) return (false, 0, (1 - b.Tokens) / perSecond);
            b.Tokens -= 1;
            return (true, (int)b.Tokens, 0);
        }
    }
}
