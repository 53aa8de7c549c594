#pragma warning disable CS9113 // stub signatures; bodies follow in the next commit
using System.Security.Claims;
using OpenData.Web.Data;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Storage;

namespace OpenData.Web.Features.Datasets;

/// <summary>Publishing: a provider acts only on its own department's datasets, an admin on all.</summary>
public sealed partial class DatasetCommands(
    PortalDbContext db, DatasetSearch search, IFileStore files, AuditLog audit, TimeProvider clock)
{
    public Task<CommandResult<DatasetRef>> CreateAsync(DatasetInput input, ClaimsPrincipal user, CancellationToken ct = default) =>
        throw new NotImplementedException();

    public Task<CommandResult<DatasetRef>> UpdateAsync(string slug, DatasetInput input, ClaimsPrincipal user, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>Replaces the field dictionary (数据项).</summary>
    public Task<CommandResult<DatasetRef>> UpdateFieldsAsync(string slug, IReadOnlyList<FieldInput> fields, ClaimsPrincipal user, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>Stores the file, adds a resource version and runs its ingestion job (synchronously for now).</summary>
    public Task<CommandResult<JobDto>> UploadAsync(string slug, UploadInput upload, ClaimsPrincipal user, CancellationToken ct = default) =>
        throw new NotImplementedException();

    public Task<CommandResult<DatasetRef>> PublishAsync(string slug, ClaimsPrincipal user, CancellationToken ct = default) =>
        throw new NotImplementedException();

    public Task<CommandResult<DatasetRef>> UnpublishAsync(string slug, ClaimsPrincipal user, CancellationToken ct = default) =>
        throw new NotImplementedException();
}
