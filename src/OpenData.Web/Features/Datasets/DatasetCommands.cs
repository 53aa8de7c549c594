using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Storage;

namespace OpenData.Web.Features.Datasets;

/// <summary>Publishing: a provider acts only on its own department's datasets, an admin on all.</summary>
public sealed partial class DatasetCommands(
    PortalDbContext db, DatasetSearch search, IFileStore files, AuditLog audit, TimeProvider clock,
    UploadLimit uploadLimit, Datastore.Jobs.JobSignal signal, IOptions<DatastoreOptions> datastoreLimits)
{
    public async Task<CommandResult<DatasetRef>> CreateAsync(DatasetInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!DatasetAccess.IsManager(user)) return CommandResult<DatasetRef>.Forbidden();
        var now = clock.GetUtcNow();
        var d = new Dataset
        {
            CreatedAt = now, UpdatedAt = now, CreatedById = DatasetAccess.UserId(user),
            OpenCondition = OpenCondition.Open, UpdateFrequency = UpdateFrequency.Irregular,
            Licence = "丽水市公共数据开放许可协议",
        };
        var errors = await DatasetValidation.ApplyAsync(db, input, d, creating: true, ct);
        if (!errors.Ok) return Invalid<DatasetRef>(errors);
        if (!DatasetAccess.CanManage(user, d.Department!.Code)) return Forbidden<DatasetRef>();
        if (d.Slug.Length == 0) d.Slug = await NewSlugAsync(d.Department.Code, ct);
        if (d.Contact.Length == 0) d.Contact = d.Department.Contact;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Datasets.Add(d);
        await db.SaveChangesAsync(ct);
        await search.IndexAsync(d, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await audit.WriteAsync(DatasetAuditActions.Created, Target(d), d.Title, ct: ct);
        return CommandResult<DatasetRef>.Success(new DatasetRef(d.Id, d.Slug));
    }

    public async Task<CommandResult<DatasetRef>> UpdateAsync(string slug, DatasetInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var d = await LoadAsync(slug, ct);
        if (d is null) return CommandResult<DatasetRef>.NotFound();
        if (!DatasetAccess.CanManage(user, d.Department!.Code)) return Forbidden<DatasetRef>();
        input.Slug = null;
        var errors = await DatasetValidation.ApplyAsync(db, input, d, creating: false, ct);
        if (!errors.Ok) return Invalid<DatasetRef>(errors);
        // Moving a dataset to another department needs rights over the new one too.
        if (!DatasetAccess.CanManage(user, d.Department!.Code)) return Forbidden<DatasetRef>();
        return CommandResult<DatasetRef>.Success(await SaveIndexedAsync(d, ct));
    }

    /// <summary>Replaces the field dictionary (数据项).</summary>
    public async Task<CommandResult<DatasetRef>> UpdateFieldsAsync(string slug, IReadOnlyList<FieldInput> fields, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var d = await LoadAsync(slug, ct);
        if (d is null) return CommandResult<DatasetRef>.NotFound();
        if (!DatasetAccess.CanManage(user, d.Department!.Code)) return Forbidden<DatasetRef>();
        var errors = new FieldErrors();
        if (DatasetValidation.ValidateFields(fields, errors) is not { } list) return Invalid<DatasetRef>(errors);
        var before = d.Fields.ToDictionary(f => f.Name, f => f.Type);
        d.Fields.Clear();
        d.Fields.AddRange(list);
        var saved = await SaveIndexedAsync(d, ct);
        if (list.Any(f => before.TryGetValue(f.Name, out var old) && old != f.Type)) await QueueReloadsAsync(d, user, ct);
        return CommandResult<DatasetRef>.Success(saved);
    }

    public async Task<CommandResult<DatasetRef>> PublishAsync(string slug, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var d = await LoadAsync(slug, ct);
        if (d is null) return CommandResult<DatasetRef>.NotFound();
        if (!DatasetAccess.CanManage(user, d.Department!.Code)) return Forbidden<DatasetRef>();
        if (!await db.ResourceVersions.AnyAsync(v => v.Resource!.DatasetId == d.Id, ct))
            return Invalid<DatasetRef>(new FieldErrors { ["resources"] = "请先上传至少一个数据文件再发布" });
        // Something must be served: a table that loaded (RowCount is set once a version is served) or a file that is
        // not a table at all (PDF, ZIP…). A dataset whose only table failed to load would publish an empty API.
        var served = await db.Resources.Where(r => r.DatasetId == d.Id).Select(r => new { r.Format, r.RowCount }).ToListAsync(ct);
        if (!served.Any(r => DatasetLabels.IsTabular(r.Format) ? r.RowCount is not null : true))
            return Invalid<DatasetRef>(new FieldErrors { ["resources"] = "数据文件尚未成功入库，暂不能发布：请查看资源的导入报告，修正文件后重新上传" });
        if (!d.IsPublished)
        {
            d.IsPublished = true;
            d.PublishedAt ??= clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        await audit.WriteAsync(DatasetAuditActions.Published, Target(d), d.Title, ct: ct);
        return CommandResult<DatasetRef>.Success(new DatasetRef(d.Id, d.Slug));
    }

    public async Task<CommandResult<DatasetRef>> UnpublishAsync(string slug, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var d = await LoadAsync(slug, ct);
        if (d is null) return CommandResult<DatasetRef>.NotFound();
        if (!DatasetAccess.CanManage(user, d.Department!.Code)) return Forbidden<DatasetRef>();
        if (d.IsPublished)
        {
            d.IsPublished = false;
            await db.SaveChangesAsync(ct);
        }
        await audit.WriteAsync(DatasetAuditActions.Unpublished, Target(d), d.Title, ct: ct);
        return CommandResult<DatasetRef>.Success(new DatasetRef(d.Id, d.Slug));
    }

    private Task<Dataset?> LoadAsync(string slug, CancellationToken ct) =>
        db.Datasets.Include(d => d.Department).Include(d => d.Fields).FirstOrDefaultAsync(d => d.Slug == slug, ct);

    private async Task<DatasetRef> SaveIndexedAsync(Dataset d, CancellationToken ct)
    {
        d.UpdatedAt = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await search.IndexAsync(d, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new DatasetRef(d.Id, d.Slug);
    }

    private async Task<string> NewSlugAsync(string deptCode, CancellationToken ct)
    {
        while (true)
        {
            var slug = $"{deptCode}-{RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz23456789", 6)}";
            if (!await db.Datasets.AnyAsync(d => d.Slug == slug, ct)) return slug;
        }
    }

    private CommandResult<T> Invalid<T>(FieldErrors errors)
    {
        db.ChangeTracker.Clear(); // nothing half-applied may be saved later in this scope
        return CommandResult<T>.Invalid(errors);
    }

    private CommandResult<T> Forbidden<T>()
    {
        db.ChangeTracker.Clear();
        return CommandResult<T>.Forbidden();
    }

    private static string Target(Dataset d) => $"dataset:{d.Slug}";
}

public static class DatasetAuditActions
{
    public const string Created = "dataset.created";
    public const string Published = "dataset.published";
    public const string Unpublished = "dataset.unpublished";
    public const string Uploaded = "dataset.uploaded";
    public const string RestrictedDownload = "dataset.restricted-download";
    public const string RestrictedDownloadDenied = "dataset.restricted-download-denied";
    /// <summary>A grantee's preview, profile or aggregate of 有条件开放 rows (pages and the rows APIs).</summary>
    public const string RestrictedRead = "dataset.restricted-read";
    /// <summary>A signed data API call on 有条件开放 data (refused ones too).</summary>
    public const string RestrictedApiCall = "dataset.restricted-api-call";
}
