using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Files;
using OpenData.Web.Infrastructure.Storage;

namespace OpenData.Web.Features.RestrictedAccess;

/// <summary>A checked document ready to store: its bytes are already in memory (documents are small).</summary>
public sealed record CheckedDocument(string Kind, string FileName, byte[] Bytes, FileKind FileKind);

/// <summary>
/// The application's documents: content checked by FileSniffer (PDF or image, whatever the name says), size-limited,
/// stored by hash in the file store outside the web root, and readable only by the applicant, the department
/// concerned and reviewers; anyone else is told the document does not exist.
/// </summary>
public sealed class RestrictedDocuments(PortalDbContext db, IFileStore files, IOptions<RestrictedAccessOptions> options,
    UploadLimit uploadLimit, AuditLog audit, TimeProvider clock)
{
    public async Task<List<CheckedDocument>> CheckAsync(IReadOnlyList<IncomingDocument> incoming, CancellationToken ct)
    {
        var max = Math.Min(options.Value.MaxDocumentBytes, await uploadLimit.BytesAsync(ct));
        var result = new List<CheckedDocument>();
        foreach (var f in incoming.Where(f => f.Length > 0))
        {
            var label = DocumentKinds.Label(f.Kind);
            if (!DocumentKinds.All.Contains(f.Kind)) throw new RestrictedValidationException("documents", $"未知的材料类型“{f.Kind}”。");
            if (f.Length > max)
                throw new RestrictedValidationException(f.Kind, $"{label}“{f.FileName}”超过 {UploadLimit.Describe(max)} 的大小上限。");
            using var ms = new MemoryStream();
            await using (var s = f.Open()) await s.CopyToAsync(ms, ct);
            ms.Position = 0;
            if (FileSniffer.Check(ms, DocumentKinds.Allowed, DocumentKinds.AllowedLabel) is { } problem)
                throw new RestrictedValidationException(f.Kind, $"{label}“{f.FileName}”：{problem}");
            result.Add(new CheckedDocument(f.Kind, SafeName(f.FileName), ms.ToArray(), FileSniffer.Detect(ms)));
        }
        if (result.Count(d => d.Kind == DocumentKinds.Other) > DocumentKinds.MaxOtherFiles)
            throw new RestrictedValidationException(DocumentKinds.Other, $"其他资质证明最多 {DocumentKinds.MaxOtherFiles} 个文件。");
        return result;
    }

    /// <summary>Stores checked documents on the tracked application; a new file of a required kind replaces the old one.</summary>
    public async Task AttachAsync(RestrictedApplication app, IReadOnlyList<CheckedDocument> docs, CancellationToken ct)
    {
        foreach (var d in docs)
        {
            var stored = await files.SaveAsync(new MemoryStream(d.Bytes), ct);
            if (d.Kind != DocumentKinds.Other) app.Documents.RemoveAll(x => x.Kind == d.Kind);
            app.Documents.Add(new RestrictedDocument
            {
                Kind = d.Kind, FileName = d.FileName, FileHash = stored.Hash, Size = stored.Size,
                ContentType = FileSniffer.MediaType(d.FileKind), UploadedAt = clock.GetUtcNow(),
            });
        }
    }

    /// <summary>The document for someone allowed to see it, or null (the caller answers 404, never 403).</summary>
    public async Task<(RestrictedDocument Doc, Stream Content)?> OpenAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var row = await db.RestrictedDocuments.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { Doc = d, App = db.RestrictedApplications.Where(a => a.Id == d.ApplicationId)
                .Select(a => new { a.UserId, a.Status, Dept = a.Department!.Code }).First() })
            .FirstOrDefaultAsync(ct);
        if (row is null || !RestrictedAccessRules.CanSee(user, row.App.UserId, row.App.Dept, row.App.Status)) return null;
        await audit.WriteAsync(RestrictedAudit.DocumentRead, $"restricted-application:{row.Doc.ApplicationId}",
            $"{DocumentKinds.Label(row.Doc.Kind)} {row.Doc.FileName}", ct: ct);
        return (row.Doc, files.OpenRead(row.Doc.FileHash));
    }

    private static string SafeName(string name)
    {
        var n = Path.GetFileName(name.Replace('\\', '/'));
        n = new string(n.Where(c => !char.IsControl(c) && c is not '"' and not '/').ToArray()).Trim();
        if (n.Length == 0) n = "document";
        return n.Length <= 200 ? n : n[^200..];
    }
}

/// <summary>Who sees an application: its applicant; the providing department (once submitted); reviewers.</summary>
public static class RestrictedAccessRules
{
    public static bool IsReviewer(ClaimsPrincipal user) =>
        user.IsInRole(Infrastructure.Auth.Roles.Reviewer) && Accounts.AccountsFeature.HasSecondFactor(user);

    public static bool IsDepartment(ClaimsPrincipal user, string? departmentCode) =>
        departmentCode is not null && DatasetAccess.ProviderDepartment(user) == departmentCode;

    public static bool CanSee(ClaimsPrincipal user, string applicantId, string? departmentCode, RestrictedStatus status) =>
        DatasetAccess.UserId(user) == applicantId
        || (status != RestrictedStatus.Draft && (IsDepartment(user, departmentCode) || IsReviewer(user)));
}
