namespace OpenData.Web.Data.Entities;

/// <summary>开发者应用: a registered user's app that signs data API calls with its AppKey and AppSecret.</summary>
public class DeveloperApp
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public int DomainId { get; set; }
    public string Description { get; set; } = "";
    /// <summary>12 digits, unique.</summary>
    public string AppKey { get; set; } = "";
    /// <summary>The AppSecret protected with Data Protection (HMAC needs the secret itself, so never hashed).</summary>
    public string SecretCipher { get; set; } = "";
    /// <summary>The secret before the last rotation; accepted until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecretCipher { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }
    public bool IsDisabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SecretRotatedAt { get; set; }
}

public enum ApiApplicationStatus { Pending, Approved, Rejected }

/// <summary>An app's application for one API (2.9.2); an approved one is the grant the gateway checks.</summary>
public class ApiApplication
{
    public int Id { get; set; }
    public int AppId { get; set; }
    public DeveloperApp? App { get; set; }
    public string UserId { get; set; } = "";
    public string ApiCode { get; set; } = "";
    /// <summary>申请需求分类.</summary>
    public string Category { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTimeOffset AgreementAcceptedAt { get; set; }
    public ApiApplicationStatus Status { get; set; }
    public string? ReviewReason { get; set; }
    public string? ReviewedById { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    /// <summary>Calls per day for this grant; null takes the API's or the platform's default.</summary>
    public int? DailyQuota { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A signature nonce already seen; the unique key (app, nonce) makes a replay fail on insert.</summary>
public class ApiNonce
{
    public int AppId { get; set; }
    public string Nonce { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>Calls of one grant on one day (China date as yyyyMMdd), incremented atomically for the daily quota.</summary>
public class ApiDailyUsage
{
    public int ApplicationId { get; set; }
    public int Day { get; set; }
    public int Count { get; set; }
}

/// <summary>One gateway call (never the secret or the signature).</summary>
public class ApiCallLog
{
    public long Id { get; set; }
    public int? AppId { get; set; }
    public string ApiCode { get; set; } = "";
    public int Status { get; set; }
    public int LatencyMs { get; set; }
    public long Bytes { get; set; }
    public string IpAddress { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>Per-API counters and limits (data APIs and department APIs share the code space).</summary>
public class ApiProfile
{
    public string ApiCode { get; set; } = "";
    public long ViewCount { get; set; }
    public long CallCount { get; set; }
    /// <summary>Requests per minute per app on this API; null = the site setting api.ratePerMinute.</summary>
    public int? RatePerMinute { get; set; }
    /// <summary>Calls per day per grant; null = the site setting api.dailyQuota (a grant's own value wins).</summary>
    public int? DailyQuota { get; set; }
}

/// <summary>对自建的系统接口: a department's own system API, published and forwarded by the gateway.</summary>
public class ServiceApi
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    public int DomainId { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>GET or POST.</summary>
    public string Method { get; set; } = "GET";
    public string UpstreamUrl { get; set; } = "";
    /// <summary>One parameter per line: "name|说明".</summary>
    public string Parameters { get; set; } = "";
    public string Example { get; set; } = "";
    public bool IsPublished { get; set; }
    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
