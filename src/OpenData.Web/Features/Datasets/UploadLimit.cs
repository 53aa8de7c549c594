using Microsoft.Extensions.Options;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Features.Datastore;

namespace OpenData.Web.Features.Datasets;

/// <summary>
/// The upload size limit in force: the back office's 上传文件大小上限 setting (takes effect without a restart),
/// capped by the operator's Datastore:MaxUploadBytes, which the ingestion worker also enforces as a last guard.
/// </summary>
public sealed class UploadLimit(SiteSettingsStore settings, IOptions<DatastoreOptions> options)
{
    public async Task<long> BytesAsync(CancellationToken ct = default)
    {
        var ceiling = options.Value.MaxUploadBytes;
        var mb = (await settings.SnapshotAsync(ct)).GetInt(SettingKeys.UploadMaxMb);
        return mb > 0 ? Math.Min(mb * 1048576L, ceiling) : ceiling;
    }

    public static string Describe(long bytes) => $"{Math.Round(bytes / 1048576.0, 1):0.#} MB";
}
