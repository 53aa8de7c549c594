namespace OpenData.Web.Features.DataApis;

/// <summary>The "DataApis" configuration section (see docs/configuration.md).</summary>
public sealed class DataApisOptions
{
    public const string Section = "DataApis";

    // The default rate (per minute) and daily quota are site settings (api.ratePerMinute, api.dailyQuota):
    // administrators change them at run time; an API's own override wins (ApiLimits).
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
    /// <summary>Where used nonces are remembered: Database (default) or Redis (ConnectionStrings:Redis).</summary>
    public NonceStoreKind NonceStore { get; set; } = NonceStoreKind.Database;
    /// <summary>Data queries a node runs at once (QueryGate); 0: four per processor.</summary>
    public int MaxConcurrentQueries { get; set; }
}

public enum NonceStoreKind { Database, Redis }
