using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Admin;
using OpenData.Web.Features.Interaction;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure.Auditing;
using static OpenData.Web.Features.News.NewsOutcomes;
using OpenData.Web.Infrastructure.Files;
using OpenData.Web.Infrastructure.Storage;

namespace OpenData.Web.Features.News;

/// <summary>
/// Attachments of an article: PDF, Word or Excel, checked by their bytes (FileSniffer), never by name alone,
/// and the name's extension must agree with the content, so the file opens as what its link says.
/// </summary>
public sealed class NewsAttachments(PortalDbContext db, IFileStore files, AuditLog audit, TimeProvider clock,
    UploadLimit uploadLimit, IOptions<NewsOptions> options)
{
    public const string AllowedLabel = "PDF、Word（.doc/.docx）、Excel（.xls/.xlsx）";
    public const string Accept = ".pdf,.doc,.docx,.xls,.xlsx";
    private static readonly FileKind[] Allowed = [FileKind.Pdf, FileKind.Zip, FileKind.OleCompound];

    /// <summary>The size limit in force: the News setting, capped by the platform's upload limit.</summary>
    public async Task<long> LimitAsync(CancellationToken ct) => Math.Min(options.Value.MaxAttachmentBytes, await uploadLimit.BytesAsync(ct));

    public async Task<Outcome> AddAsync(int articleId, string fileName, long length, Stream content, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!BackOfficeAccess.IsAdmin(user)) return Outcome.Forbidden(OnlyAdmins);
        var article = await db.NewsArticles.FirstOrDefaultAsync(a => a.Id == articleId, ct);
        if (article is null) return Outcome.NotFound("文章不存在。");
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        var problem = await CheckAsync(name, length, content, ct);
        if (problem is not null)
        {
            await audit.WriteAsync(NewsAudit.AttachmentRefused, NewsCommands.Target(article), $"{name}：{problem}", succeeded: false, ct: ct);
            return Outcome.Invalid(problem);
        }
        var stored = await files.SaveAsync(content, ct);
        var now = clock.GetUtcNow();
        var file = new NewsAttachment
        {
            ArticleId = articleId, FileName = name.Length > 200 ? name[^200..] : name, FileHash = stored.Hash, Size = stored.Size,
            ContentType = MediaType(name), CreatedAt = now,
        };
        db.NewsAttachments.Add(file);
        article.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(NewsAudit.AttachmentAdded, NewsCommands.Target(article), $"{file.FileName}（{file.Size} 字节）", ct: ct);
        return Done(articleId, $"附件「{file.FileName}」已上传。");
    }

    public async Task<Outcome> RemoveAsync(int articleId, int attachmentId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!BackOfficeAccess.IsAdmin(user)) return Outcome.Forbidden(OnlyAdmins);
        var file = await db.NewsAttachments.FirstOrDefaultAsync(f => f.Id == attachmentId && f.ArticleId == articleId, ct);
        if (file is null) return Outcome.NotFound("文章不存在。");
        db.NewsAttachments.Remove(file);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(NewsAudit.AttachmentRemoved, $"news:{articleId}", file.FileName, ct: ct);
        return Done(articleId, $"附件「{file.FileName}」已删除。");
    }

    private async Task<string?> CheckAsync(string name, long length, Stream content, CancellationToken ct)
    {
        var ext = Path.GetExtension(name).ToLowerInvariant();
        if (length <= 0) return "附件是空文件，请重新选择。";
        var limit = await LimitAsync(ct);
        if (length > limit) return $"附件超过大小上限（{UploadLimit.Describe(limit)}），请压缩后再上传。";
        if (ext is not (".pdf" or ".doc" or ".docx" or ".xls" or ".xlsx")) return $"附件类型不允许，只能上传 {AllowedLabel}。";
        if (FileSniffer.Check(content, Allowed, AllowedLabel) is { } refused) return refused;
        var kind = FileSniffer.Detect(content);
        var agrees = (ext, kind) switch
        {
            (".pdf", FileKind.Pdf) or (".doc" or ".xls", FileKind.OleCompound) or (".docx" or ".xlsx", FileKind.Zip) => true,
            _ => false,
        };
        return agrees ? null : $"文件内容与扩展名「{ext}」不符，请确认文件后重新上传。";
    }

    private static string MediaType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".doc" => "application/msword",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xls" => "application/vnd.ms-excel",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };
}
