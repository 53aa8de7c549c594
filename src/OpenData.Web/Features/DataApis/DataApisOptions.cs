namespace OpenData.Web.Features.DataApis;

/// <summary>The "DataApis" configuration section (see docs/configuration.md).</summary>
public sealed class DataApisOptions
{
    public const string Section = "DataApis";

    /// <summary>Requests per second per app (token bucket); an API's own setting overrides it.</summary>
    public int RatePerSecond { get; set; } = 50;
    /// <summary>Calls per day per grant; an API's or a grant's own setting overrides it.</summary>
    public int DailyQuota { get; set; } = 10_000;
    /// <summary>How long the previous AppSecret keeps working after a rotation.</summary>
    public TimeSpan SecretGracePeriod { get; set; } = TimeSpan.FromHours(24);
    /// <summary>Allowed distance between the signed timestamp and the server clock.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromSeconds(300);
    /// <summary>How long a used nonce is remembered.</summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromSeconds(600);
    /// <summary>Largest accepted request body of the gateway.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
    /// <summary>Timeout of a forwarded call to a department's upstream API.</summary>
    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Optional Redis for nonces (multi-node); empty = the database.</summary>
    public string? RedisConnection { get; set; }
}
