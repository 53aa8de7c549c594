using System.Security.Claims;

namespace OpenData.Web.Features.Datasets;

/// <summary>The download flow (2.9.3): agreement, who may download what, counting and auditing.</summary>
public sealed partial class DatasetDownloads
{
    /// <summary>Checks everything and, on success, counts the download and names the file to stream.
    /// format: original (default) or csv/xlsx/json/xml (from the datastore when it exists).</summary>
    public Task<DownloadResult> PrepareAsync(string slug, int resourceId, int? version, string? format,
        bool acceptAgreement, ClaimsPrincipal user, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>SiteSettings "download.anonymousOpen": anonymous visitors may download 无条件开放 data.</summary>
    public Task<bool> AnonymousOpenAllowedAsync(CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>Admin only.</summary>
    public Task<CommandStatus> SetAnonymousOpenAsync(bool allowed, ClaimsPrincipal user, CancellationToken ct = default) =>
        throw new NotImplementedException();
}
