using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;

namespace OpenData.Web.Features.Datasets;

public sealed partial class DatasetCommands
{
    /// <summary>
    /// Stores the file, adds a resource version and queues its ingestion job (the worker loads it into the
    /// datastore and only then makes it the served version). Non-tabular files are served at once.
    /// </summary>
    public async Task<CommandResult<JobDto>> UploadAsync(string slug, UploadInput upload, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var d = await db.Datasets.Include(x => x.Department).Include(x => x.Fields).Include(x => x.Resources).ThenInclude(r => r.Versions)
            .FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (d is null) return CommandResult<JobDto>.NotFound();
        if (!DatasetAccess.CanManage(user, d.Department!.Code)) return Forbidden<JobDto>();

        var errors = new FieldErrors();
        var format = FormatOf(upload.FileName);
        // A public resource name, not the upload's file name (cnemc_air_monitoring_sites_gbk): the dataset's title by default.
        var name = string.IsNullOrWhiteSpace(upload.Name) ? d.Title : upload.Name.Trim();
        var limit = await uploadLimit.BytesAsync(ct);
        var tooLarge = $"文件超过大小上限 {UploadLimit.Describe(limit)}";
        if (upload.Length <= 0) errors.AddOnce("file", "请选择要上传的文件（文件不能为空）");
        else if (upload.Length > limit) errors.AddOnce("file", tooLarge);
        if (format is null)
            errors.AddOnce("file", $"不支持的文件类型“{Path.GetExtension(upload.FileName)}”，允许：{string.Join("、", DatasetLabels.Formats)}");
        if (name.Length is 0 or > 200) errors.AddOnce("name", "资源名称应为 1–200 个字");
        var chosen = upload.ResourceId is { } rid ? d.Resources.FirstOrDefault(r => r.Id == rid) : null;
        if (upload.ResourceId is not null && chosen is null) errors.AddOnce("resourceId", "该数据集下没有这个资源");
        if (!errors.Ok) return Invalid<JobDto>(errors);

        var stored = await files.SaveAsync(upload.Content, ct);
        if (stored.Size > limit) // the declared length may lie
            return Invalid<JobDto>(new FieldErrors { ["file"] = tooLarge });

        var now = clock.GetUtcNow();
        var tabular = DatasetLabels.IsTabular(format!);
        var targets = Targets(d, chosen, name, tabular ? Sheets(stored.Hash, upload.FileName) : []);
        var jobs = new List<(Job Job, Resource Resource, ResourceVersion Version)>();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (target, targetName, sheet) in targets)
        {
            var resource = target;
            if (resource is null)
            {
                resource = new Resource { Name = targetName, Format = format!, CreatedAt = now, ApiCode = await NewApiCodeAsync(ct) };
                d.Resources.Add(resource);
            }
            var number = resource.Versions.Select(v => (int?)v.Number).Max() + 1 ?? 1;
            var version = new ResourceVersion
            {
                Number = number, FileHash = stored.Hash, Size = stored.Size, Format = format!, SheetName = sheet,
                OriginalFileName = ShortFileName(upload.FileName), ContentType = ContentTypes.Of(format!),
                UploadedAt = now, UploadedById = DatasetAccess.UserId(user), UploadedByName = user.Identity?.Name ?? "",
            };
            resource.Versions.Add(version);
            // A tabular version is served once its load committed (the job switches it); until then the previous one is.
            // A first upload is listed at once so its original file can be downloaded while it loads.
            if (!tabular || resource.CurrentVersion == 0)
            {
                resource.CurrentVersion = number;
                resource.Format = format!;
                resource.UpdatedAt = now;
                if (!tabular) { resource.RowCount = null; resource.FieldCount = null; d.DataUpdatedAt = now; }
            }
            jobs.Add((new Job
            {
                Kind = "ingest", DatasetId = d.Id, State = tabular ? JobState.Queued : JobState.Succeeded, CreatedAt = now,
                CreatedById = DatasetAccess.UserId(user), Progress = tabular ? 0 : 100, FinishedAt = tabular ? null : now,
            }, resource, version));
        }
        Recalculate(d);
        d.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        foreach (var (job, _, version) in jobs)
        {
            job.ResourceVersionId = version.Id;
            db.Jobs.Add(job);
        }
        await search.IndexAsync(d, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (tabular) signal.Poke();
        foreach (var (_, resource, version) in jobs)
            await audit.WriteAsync(DatasetAuditActions.Uploaded, $"dataset:{d.Slug}",
                $"{resource.Name} v{version.Number} {version.OriginalFileName}{(version.SheetName is null ? "" : $" [{version.SheetName}]")} ({stored.Size} B)", ct: ct);
        var first = jobs[0];
        return CommandResult<JobDto>.Success(DatasetQueries.ToDto(first.Job, d.Slug, first.Resource.Id, first.Version.Number));
    }

    /// <summary>Formats, rows and 数据容量 (rows × fields of the tabular resources) of a dataset.</summary>
    public static readonly string[] TableFormats = ["CSV", "XLSX", "JSON", "XML"];

    public static void Recalculate(Dataset d)
    {
        // A served datastore table is downloadable as CSV, XLSX, JSON and XML besides its original format.
        var withTable = d.Resources.Any(r => r.Versions.Any(v => v.Number == r.CurrentVersion && v.TableName is not null));
        d.Formats = string.Join(',', d.Resources.Where(r => r.CurrentVersion > 0).Select(r => r.Format)
            .Concat(withTable ? TableFormats : []).Distinct().Order());
        var tabular = d.Resources.Where(r => DatasetLabels.IsTabular(r.Format) && r.RowCount is not null).ToList();
        d.RowCount = tabular.Sum(r => r.RowCount ?? 0);
        d.Capacity = tabular.Sum(r => (r.RowCount ?? 0) * (r.FieldCount ?? d.Fields.Count));
    }

    private static string ShortFileName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        var ext = Path.GetExtension(name);
        return name.Length <= 200 ? name : name[..(200 - ext.Length)] + ext;
    }

    public static string? FormatOf(string fileName)
    {
        var ext = Path.GetExtension(fileName).TrimStart('.').ToUpperInvariant();
        return DatasetLabels.Formats.Contains(ext) ? ext : null;
    }

    private async Task<string> NewApiCodeAsync(CancellationToken ct)
    {
        while (true)
        {
            var code = "ls" + System.Security.Cryptography.RandomNumberGenerator.GetString("0123456789abcdefghjkmnpqrstuvwxyz", 10);
            if (!await db.Resources.AnyAsync(r => r.ApiCode == code, ct)) return code;
        }
    }
}

public static class ContentTypes
{
    public static string Of(string format) => format switch
    {
        "CSV" => "text/csv", "XLSX" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "XLS" => "application/vnd.ms-excel", "JSON" => "application/json", "XML" => "application/xml",
        "PDF" => "application/pdf", "ZIP" => "application/zip", "GEOJSON" => "application/geo+json",
        _ => "application/octet-stream",
    };
}
