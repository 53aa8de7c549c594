using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;

namespace OpenData.Web.Features.Datasets;

public sealed partial class DatasetCommands
{
    /// <summary>
    /// Stores the file, adds a resource version and runs its ingestion job. For now the job runs here,
    /// synchronously (header, sample rows, row count); the datastore's worker will take it over.
    /// </summary>
    public async Task<CommandResult<JobDto>> UploadAsync(string slug, UploadInput upload, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var d = await db.Datasets.Include(x => x.Department).Include(x => x.Fields).Include(x => x.Resources)
            .FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (d is null) return CommandResult<JobDto>.NotFound();
        if (!DatasetAccess.CanManage(user, d.Department!.Code)) return Forbidden<JobDto>();

        var errors = new FieldErrors();
        var format = FormatOf(upload.FileName);
        var name = string.IsNullOrWhiteSpace(upload.Name) ? Path.GetFileNameWithoutExtension(upload.FileName).Trim() : upload.Name.Trim();
        if (upload.Length <= 0) errors.AddOnce("file", "请选择要上传的文件（文件不能为空）");
        else if (upload.Length > options.Value.MaxUploadBytes)
            errors.AddOnce("file", $"文件超过大小上限 {options.Value.MaxUploadMegabytes} MB");
        if (format is null)
            errors.AddOnce("file", $"不支持的文件类型“{Path.GetExtension(upload.FileName)}”，允许：{string.Join("、", DatasetLabels.Formats)}");
        if (name.Length is 0 or > 200) errors.AddOnce("name", "资源名称应为 1–200 个字");
        var resource = upload.ResourceId is { } rid ? d.Resources.FirstOrDefault(r => r.Id == rid)
            : d.Resources.FirstOrDefault(r => r.Name == name);
        if (upload.ResourceId is not null && resource is null) errors.AddOnce("resourceId", "该数据集下没有这个资源");
        if (!errors.Ok) return Invalid<JobDto>(errors);

        var stored = await files.SaveAsync(upload.Content, ct);
        if (stored.Size > options.Value.MaxUploadBytes) // the declared length may lie
            return Invalid<JobDto>(new FieldErrors { ["file"] = $"文件超过大小上限 {options.Value.MaxUploadMegabytes} MB" });

        var now = clock.GetUtcNow();
        var job = new Job { Kind = "ingest", DatasetId = d.Id, State = JobState.Running, CreatedAt = now, StartedAt = now, CreatedById = DatasetAccess.UserId(user) };
        TabularSample? sample = null;
        try
        {
            await using var read = files.OpenRead(stored.Hash);
            sample = await TabularSampler.ReadAsync(read, format!, ct);
            job.State = JobState.Succeeded;
            job.Rows = sample?.RowCount;
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException)
        {
            job.State = JobState.Failed;
            job.ErrorMessage = e is System.Text.Json.JsonException ? $"JSON 格式错误：{e.Message}" : e.Message;
        }
        job.Progress = 100;
        job.FinishedAt = clock.GetUtcNow();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (resource is null)
        {
            resource = new Resource { Name = name, Format = format!, CreatedAt = now, ApiCode = await NewApiCodeAsync(ct) };
            d.Resources.Add(resource);
        }
        var number = resource.Id == 0 ? 1 : await db.ResourceVersions.Where(v => v.ResourceId == resource.Id).MaxAsync(v => (int?)v.Number, ct) + 1 ?? 1;
        var version = new ResourceVersion
        {
            Number = number, FileHash = stored.Hash, Size = stored.Size, Format = format!,
            OriginalFileName = ShortFileName(upload.FileName), ContentType = ContentTypes.Of(format!),
            UploadedAt = now, UploadedById = DatasetAccess.UserId(user), UploadedByName = user.Identity?.Name ?? "",
            RowCount = sample?.RowCount, FieldCount = sample?.Columns.Count, SampleJson = sample?.ToJson(),
        };
        resource.Versions.Add(version);
        // A failed ingestion keeps the previous version current: nothing half-loaded is served.
        if (job.State == JobState.Succeeded || resource.CurrentVersion == 0)
        {
            resource.CurrentVersion = number;
            resource.Format = format!;
            resource.RowCount = sample?.RowCount;
            resource.FieldCount = sample?.Columns.Count;
            resource.UpdatedAt = now;
            if (sample is not null && d.Fields.Count == 0) FillFields(d, sample);
            d.DataUpdatedAt = now;
        }
        Recalculate(d);
        d.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        job.ResourceVersionId = version.Id;
        db.Jobs.Add(job);
        await search.IndexAsync(d, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await audit.WriteAsync(DatasetAuditActions.Uploaded, $"dataset:{d.Slug}", $"{resource.Name} v{number} {version.OriginalFileName} ({stored.Size} B)", ct: ct);
        return CommandResult<JobDto>.Success(DatasetQueries.ToDto(job, d.Slug, resource.Id, number));
    }

    /// <summary>Formats, rows and 数据容量 (rows × fields of the tabular resources) of a dataset.</summary>
    public static void Recalculate(Dataset d)
    {
        d.Formats = string.Join(',', d.Resources.Where(r => r.CurrentVersion > 0).Select(r => r.Format).Distinct().Order());
        var tabular = d.Resources.Where(r => DatasetLabels.IsTabular(r.Format) && r.RowCount is not null).ToList();
        d.RowCount = tabular.Sum(r => r.RowCount ?? 0);
        d.Capacity = tabular.Sum(r => (r.RowCount ?? 0) * (r.FieldCount ?? d.Fields.Count));
    }

    private static void FillFields(Dataset d, TabularSample sample)
    {
        for (var i = 0; i < sample.Columns.Count && i < 500; i++)
        {
            var values = sample.Rows.Select(r => i < r.Count ? r[i].Trim() : "").ToList();
            var name = sample.Columns[i].Length == 0 ? $"列{i + 1}" : sample.Columns[i];
            if (name.Length > 100) name = name[..100];
            if (d.Fields.Any(f => f.Name == name)) continue;
            var example = values.FirstOrDefault(v => v.Length > 0) ?? "";
            d.Fields.Add(new DatasetField
            {
                Position = i, Name = name, Type = TabularSampler.GuessType(values),
                Example = example.Length > 200 ? example[..200] : example,
            });
        }
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
