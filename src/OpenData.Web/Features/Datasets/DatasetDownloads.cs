using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Storage;

namespace OpenData.Web.Features.Datasets;

/// <summary>
/// Grants to 有条件开放 data: the one check every route that serves rows calls (pages, downloads and exports, the
/// rows and aggregate APIs, the signed data API). The restricted-access feature replaces this default (no grants).
/// </summary>
public interface IDatasetGrants
{
    /// <summary>The fields the user's grants in force cover; null when none is in force.</summary>
    Task<GrantScope?> UserScopeAsync(string userId, int datasetId, CancellationToken ct);
    /// <summary>The same for a developer app named in a grant in force (the signed data API).</summary>
    Task<GrantScope?> AppScopeAsync(int appId, int datasetId, CancellationToken ct);

    async Task<bool> HasGrantAsync(string userId, int datasetId, CancellationToken ct) => await UserScopeAsync(userId, datasetId, ct) is not null;
}

public sealed class NoDatasetGrants : IDatasetGrants
{
    public Task<GrantScope?> UserScopeAsync(string userId, int datasetId, CancellationToken ct) => Task.FromResult<GrantScope?>(null);
    public Task<GrantScope?> AppScopeAsync(int appId, int datasetId, CancellationToken ct) => Task.FromResult<GrantScope?>(null);
}

/// <summary>The download flow (2.9.3): agreement, who may download what, counting and auditing.</summary>
public sealed class DatasetDownloads(
    PortalDbContext db, IFileStore files, IDatasetGrants grants, AuditLog audit, TimeProvider clock,
    OpenData.Web.Features.Admin.Settings.AgreementAcceptances agreements,
    OpenData.Web.Features.Admin.Settings.SiteSettingsStore settings, OpenData.Web.Features.Admin.Settings.SettingsCommands settingsCommands,
    OpenIndex.AccessRecorder access)
{
    /// <summary>The download agreement shown in the flow before the file (the API takes acceptAgreement=true).</summary>
    public const string AgreementTitle = "丽水市公共数据开放平台数据下载协议";
    public static readonly IReadOnlyList<string> AgreementClauses =
    [
        "下载的数据仅用于合法用途，不得用于危害国家安全、公共利益或他人合法权益的活动。",
        "使用数据时应注明来源“丽水市公共数据开放平台”及提供机构。",
        "不得对数据进行恶意篡改，不得以数据已经平台或提供机构认可的名义误导他人。",
        "平台对数据的准确性、及时性尽力保证，但不对因使用数据造成的损失承担责任。",
        "有条件开放数据须按批准的用途、范围和期限使用，不得向第三方提供。",
    ];
    private static readonly string[] KnownFormats = ["original", "csv", "xlsx", "json", "xml"];

    /// <summary>Checks everything and, on success, counts the download and names the file to stream.
    /// format: original (default) or csv/xlsx/json/xml (from the datastore when it exists).</summary>
    public async Task<DownloadResult> PrepareAsync(string slug, int resourceId, int? version, string? format,
        bool acceptAgreement, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var d = await db.Datasets.AsNoTracking().Where(x => x.Slug == slug)
            .Select(x => new { x.Id, x.Slug, x.Title, x.IsPublished, x.OpenCondition, Org = x.Department!.Code }).FirstOrDefaultAsync(ct);
        var manager = d is not null && DatasetAccess.CanManage(user, d.Org);
        if (d is null || (!d.IsPublished && !manager)) return new(404, "not-found", "数据集不存在或尚未发布");
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == resourceId && r.DatasetId == d.Id, ct);
        if (resource is null) return new(404, "not-found", "数据文件不存在");
        var number = version ?? resource.CurrentVersion;
        var v = await db.ResourceVersions.AsNoTracking().FirstOrDefaultAsync(x => x.ResourceId == resource.Id && x.Number == number, ct);
        if (v is null) return new(404, "version-not-found", $"该文件没有第 {number} 版");
        var fmt = (format ?? "original").Trim().ToLowerInvariant();
        if (!KnownFormats.Contains(fmt)) return new(400, "invalid-format", "格式应为 original、csv、xlsx、json 或 xml");
        // Other formats are written from the version's datastore table; without one only the original format exists.
        var fromTable = fmt != "original" && v.TableName is not null;
        if (fmt != "original" && !fromTable && fmt != v.Format.ToLowerInvariant())
            return new(400, "format-unavailable", $"该文件暂不提供 {fmt.ToUpperInvariant()} 格式，请下载原始文件（{v.Format}）");
        if (!acceptAgreement) return new(400, "agreement-required", "请先阅读并同意《数据下载协议》后再下载");

        var userId = DatasetAccess.UserId(user);
        var signedIn = user.Identity?.IsAuthenticated == true && userId is not null;
        var target = $"dataset:{d.Slug}";
        if (signedIn && await AgreementProblemAsync(userId!, ct) is { } agreementProblem) return agreementProblem;
        var scope = GrantScope.All;
        if (d.OpenCondition == OpenCondition.Restricted)
        {
            var granted = manager ? GrantScope.All : signedIn ? await grants.UserScopeAsync(userId!, d.Id, ct) : null;
            await audit.WriteAsync(granted is not null ? DatasetAuditActions.RestrictedDownload : DatasetAuditActions.RestrictedDownloadDenied,
                target, $"{resource.Name} v{v.Number}", succeeded: granted is not null, ct: ct);
            if (granted is null)
                return signedIn
                    ? new(403, "restricted", "该数据为有条件开放数据，需提交申请并获批准后方可下载")
                    : new(401, "login-required", "该数据为有条件开放数据，请登录并申请获批后下载");
            // The original file holds every column: a grant of some fields downloads the granted columns from the table.
            if (!granted.IsAll && !fromTable)
                return new(403, PartialGrantCode, v.TableName is null
                    ? "您的受限数据授权仅包含部分字段，该文件无法按字段提供，请联系数据提供部门"
                    : "您的受限数据授权仅包含部分字段，原始文件含未授权字段：请选择 CSV、Excel、JSON 或 XML 格式下载（只含授权字段）");
            scope = granted;
        }
        else if (!signedIn && !await AnonymousOpenAllowedAsync(ct))
            return new(401, "login-required", "请登录后下载（注册用户可下载无条件开放数据）");

        db.DownloadEvents.Add(new DownloadEvent
        {
            DatasetId = d.Id, ResourceId = resource.Id, VersionNumber = v.Number, Format = fmt, UserId = userId, At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await db.Datasets.Where(x => x.Id == d.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.DownloadCount, x => x.DownloadCount + 1), ct);
        access.Record(OpenIndex.AccessActions.Download, OpenIndex.AccessItems.Dataset, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), OpenIndex.AccessChannels.Download);
        if (fromTable)
            return new(200, null, null, null, $"{resource.Name}-v{v.Number}.{fmt}", null,
                Datastore.GrantedTables.Within(new Datastore.ResourceTable(resource.Id, v.Number, v.TableName!,
                    System.Text.Json.JsonSerializer.Deserialize<List<Datastore.DatastoreColumn>>(v.ColumnsJson ?? "[]", Datastore.Jobs.IngestionJobRunner.Json) ?? [],
                    v.RowCount ?? 0), scope), fmt);
        return new(200, null, null, files.LocalPath(v.FileHash), DownloadName(resource.Name, v), v.ContentType);
    }

    /// <summary>
    /// A signed-in user downloads under the download agreement in force: the first time, ticking the box accepts it
    /// (recorded with its version); after a new version is published they must read and accept it on its page first.
    /// </summary>
    private async Task<DownloadResult?> AgreementProblemAsync(string userId, CancellationToken ct)
    {
        const string kind = OpenData.Web.Features.Admin.Settings.AgreementKinds.Download;
        if (await agreements.HasAcceptedCurrentAsync(userId, kind, ct)) return null;
        var current = await agreements.CurrentAsync(kind, ct);
        if (await agreements.HasAcceptedAnyAsync(userId, kind, ct))
            return new(409, AgreementChangedCode, $"《数据下载协议》已更新为第 {current.Version} 版，请阅读并同意新版本后再下载：/agreements/download");
        await agreements.AcceptAsync(userId, kind, current.Version, ct);
        return null;
    }

    public const string AgreementChangedCode = "agreement-changed";
    public const string PartialGrantCode = "partial-grant";

    private static string DownloadName(string resourceName, ResourceVersion v)
    {
        var ext = Path.GetExtension(v.OriginalFileName);
        return $"{resourceName}-v{v.Number}{ext}";
    }

    /// <summary>The site setting 允许未登录用户下载无条件开放数据, read through the per-node settings cache.</summary>
    public async Task<bool> AnonymousOpenAllowedAsync(CancellationToken ct = default) =>
        (await settings.SnapshotAsync(ct)).GetBool(OpenData.Web.Features.Admin.Settings.SettingKeys.AnonymousOpenDownload);

    /// <summary>System administrators only; saved, stamped and audited like every other site setting.</summary>
    public async Task<CommandStatus> SetAnonymousOpenAsync(bool allowed, ClaimsPrincipal user, CancellationToken ct = default) =>
        await settingsCommands.SaveAsync(new Dictionary<string, string>
            { [OpenData.Web.Features.Admin.Settings.SettingKeys.AnonymousOpenDownload] = allowed ? "true" : "false" }, user, ct) is null
            ? CommandStatus.Forbidden : CommandStatus.Ok;
}
