namespace OpenData.Web.Features.DataApis.Apps;

public sealed record CreateAppRequest(string? Name, int? Domain, string? Description);

public sealed record AppDto(int Id, string Name, int DomainId, string DomainName, string Description, string AppKey,
    bool IsDisabled, DateTimeOffset CreatedAt, DateTimeOffset? SecretRotatedAt, DateTimeOffset? PreviousSecretExpiresAt);

/// <summary>The answer of creation and rotation: the only time the AppSecret is shown.</summary>
public sealed record AppWithSecret(int Id, string Name, string AppKey, string AppSecret, DateTimeOffset? PreviousSecretExpiresAt);

public sealed record DailyCalls(string Day, int Calls, int Errors);
