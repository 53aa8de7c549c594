using System.IO.Compression;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Features.Interaction;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Files;
using OpenData.Web.Infrastructure.Images;
using OpenData.Web.Infrastructure.Storage;

namespace OpenData.Web.Features.Showcase;

/// <summary>Result of a submission: the entry, or field errors (nothing stored), or null entry and no errors for "not yours".</summary>
public sealed record SubmitResult(int? Id, string? Status, FieldErrors Errors, bool NotFound = false);

/// <summary>
/// 成果提交 (2.3.3) and 上架 (2.9.4): every check runs before anything is stored, so a refused submission leaves
/// no row and no file. Each submission is a new revision; the approved one stays public until another is approved.
/// </summary>
public sealed class ShowcaseCommands(PortalDbContext db, ShowcaseValidation validation, ChineseSegmenter segmenter, IFileStore files,
    ImagePipeline images, UploadLimit uploadLimit, Notifier notifier, AuditLog audit, TimeProvider clock, OpenIndex.AccessRecorder access)
{
    public const int MaxScreenshots = 8;

    public async Task<SubmitResult> SubmitAsync(ClaimsPrincipal user, int? entryId, ShowcaseInput input, CancellationToken ct)
    {
        var userId = ShowcaseAccess.UserId(user) ?? throw new UnauthorizedAccessException();
        ShowcaseEntry? entry = null;
        if (entryId is { } id && (entry = await db.ShowcaseEntries.FirstOrDefaultAsync(e => e.Id == id && e.OwnerId == userId, ct)) is null)
            return new SubmitResult(null, null, new FieldErrors(), NotFound: true);
        var (clean, errors) = await validation.CheckAsync(input, ct);
        var appId = entry?.DeveloperAppId ?? input.DeveloperAppId;
        if (input.DeveloperAppId is { } requested && entry is null && !await db.DeveloperApps.AnyAsync(a => a.Id == requested && a.UserId == userId, ct))
            errors.AddOnce("developerAppId", "只能上架自己的应用。");

        var previous = entry is null ? null : await db.ShowcaseRevisions.Include(r => r.Images).Where(r => r.EntryId == entry.Id).OrderByDescending(r => r.Id).FirstAsync(ct);
        var shots = new List<ImagePipeline.Inspection>();
        if (input.Screenshots.Count > MaxScreenshots) errors.AddOnce("screenshots", $"成果截图最多 {MaxScreenshots} 张。");
        else
            foreach (var (file, n) in input.Screenshots.Select((f, i) => (f, i + 1)))
            {
                var check = await InspectAsync(file, ct);
                if (check.Error is not null) { errors.AddOnce("screenshots", $"第 {n} 张截图（{Short(file.FileName)}）：{check.Error}"); break; }
                shots.Add(check);
            }
        if (shots.Count == 0 && previous is null && !errors.ContainsKey("screenshots")) errors.AddOnce("screenshots", "请至少上传一张成果截图。");
        var fileError = input.File is null ? null : await CheckDownloadAsync(input.File, ct);
        if (fileError is not null) errors.AddOnce("file", fileError);
        if (!errors.Ok || clean is null) return new SubmitResult(null, null, errors);

        var now = clock.GetUtcNow();
        var revision = new ShowcaseRevision
        {
            Type = clean.Type, Name = clean.Name, Tags = clean.Tags, DomainId = clean.DomainId, TeamName = clean.Team, TeamContact = clean.TeamContact,
            Summary = clean.Summary, Url = clean.Url, EmbedCode = clean.EmbedCode, CreatedAt = now,
            SearchText = " " + segmenter.IndexText(clean.Name + " " + clean.Tags.Replace(',', ' ') + " " + clean.Summary) + " ",
            FileHash = previous?.FileHash, FileName = previous?.FileName, FileSize = previous?.FileSize ?? 0,
            Links = [.. clean.Datasets.Select(s => new ShowcaseLink { Kind = ItemKinds.Dataset, Key = s }), .. clean.Apis.Select(c => new ShowcaseLink { Kind = ItemKinds.Api, Key = c })],
        };
        // Files are stored only now that everything passed.
        for (var i = 0; i < shots.Count; i++)
        {
            var stored = await images.StoreAsync(shots[i], ct);
            var alt = i < input.ScreenshotAlts.Count && !string.IsNullOrWhiteSpace(input.ScreenshotAlts[i]) ? input.ScreenshotAlts[i].Trim() : $"{clean.Name} 截图 {i + 1}";
            revision.Images.Add(new ShowcaseImage { Order = i, Hash = stored.Hash, ThumbHash = stored.ThumbHash, MediaType = stored.MediaType, Width = stored.Width, Height = stored.Height, Alt = alt.Length > 200 ? alt[..200] : alt });
        }
        if (shots.Count == 0 && previous is not null)
            revision.Images.AddRange(previous.Images.OrderBy(x => x.Order).Select(x => new ShowcaseImage { Order = x.Order, Hash = x.Hash, ThumbHash = x.ThumbHash, MediaType = x.MediaType, Width = x.Width, Height = x.Height, Alt = x.Alt }));
        if (input.File is { } upload)
        {
            await using var s = upload.Open();
            var stored = await files.SaveAsync(s, ct);
            (revision.FileHash, revision.FileName, revision.FileSize) = (stored.Hash, Short(Path.GetFileName(upload.FileName)), stored.Size);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (entry is null)
        {
            entry = new ShowcaseEntry { OwnerId = userId, DeveloperAppId = appId, CreatedAt = now };
            db.ShowcaseEntries.Add(entry);
        }
        else // an unreviewed earlier edit is replaced, never published
            await db.ShowcaseRevisions.Where(r => r.EntryId == entry.Id && !r.IsPublished && r.Id != 0).ExecuteDeleteAsync(ct);
        entry.Status = ShowcaseStatus.Pending;
        entry.ReviewReason = null;
        entry.UpdatedAt = now;
        entry.LinkState = LinkState.Unchecked;
        entry.LinkError = null;
        entry.Revisions.Add(revision);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var edit = entryId is not null;
        await notifier.NotifyAsync(userId, "应用成果", edit ? $"成果修改已提交：{clean.Name}" : $"成果已提交：{clean.Name}",
            edit ? "修改已提交审核；审核通过前，公开展示的仍是上一次审核通过的版本。" : "您提交的应用成果已进入审核，审核结果会通过站内消息通知您。",
            $"/apps/{entry.Id}", ct);
        await audit.WriteAsync(ShowcaseAudit.Submitted, $"showcase:{entry.Id}", clean.Name, ct: ct);
        return new SubmitResult(entry.Id, ShowcaseLabels.Status(entry.Status), errors);
    }

    /// <summary>approve, reject (reason required) or changes (ask for changes, reason required). False when not found or not pending.</summary>
    public async Task<bool> ReviewAsync(ClaimsPrincipal user, int id, string decision, string? reason, CancellationToken ct)
    {
        if (!ShowcaseAccess.IsReviewer(user)) throw new UnauthorizedAccessException();
        reason = (reason ?? "").Trim();
        if (decision != "approve" && reason.Length < 2) throw new ShowcaseReviewException("驳回或要求修改时请填写理由。");
        if (reason.Length > 1000) throw new ShowcaseReviewException("理由不能超过 1000 个字。");
        var entry = await db.ShowcaseEntries.Include(e => e.Revisions).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null || entry.Status != ShowcaseStatus.Pending) return false;
        var latest = entry.Revisions.OrderByDescending(r => r.Id).First();
        var now = clock.GetUtcNow();
        entry.Status = decision switch { "approve" => ShowcaseStatus.Approved, "reject" => ShowcaseStatus.Rejected, _ => ShowcaseStatus.ChangesRequested };
        entry.ReviewReason = reason.Length == 0 ? null : reason;
        entry.ReviewedAt = now;
        entry.ReviewedById = ShowcaseAccess.UserId(user);
        if (decision == "approve")
        {
            foreach (var r in entry.Revisions) r.IsPublished = r.Id == latest.Id;
            entry.PublishedAt ??= now;
        }
        await db.SaveChangesAsync(ct);
        var (title, body) = entry.Status switch
        {
            ShowcaseStatus.Approved => ($"应用成果审核通过：{latest.Name}", "您的应用成果已通过审核，现已在“应用成果”中公开展示。" + reason),
            ShowcaseStatus.Rejected => ($"应用成果被驳回：{latest.Name}", $"您的应用成果未通过审核。理由：{reason}"),
            _ => ($"应用成果需要修改：{latest.Name}", $"审核人员请您修改后重新提交。意见：{reason}"),
        };
        await notifier.NotifyAsync(entry.OwnerId, "应用成果", title, body, $"/apps/{entry.Id}", ct);
        await audit.WriteAsync(ShowcaseAudit.Reviewed, $"showcase:{id}", $"{decision} {reason}", ct: ct);
        return true;
    }

    public async Task RecordViewAsync(int id, CancellationToken ct)
    {
        await db.ShowcaseEntries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ViewCount, e => e.ViewCount + 1), ct);
        access.Record(OpenIndex.AccessActions.View, OpenIndex.AccessItems.App, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The published revision's download (APK, PDF), counted; null when there is none.</summary>
    public async Task<(string Hash, string FileName)?> DownloadAsync(int id, CancellationToken ct)
    {
        var file = await db.ShowcaseRevisions.AsNoTracking().Where(r => r.EntryId == id && r.IsPublished && r.FileHash != null)
            .Select(r => new { r.FileHash, r.FileName }).FirstOrDefaultAsync(ct);
        if (file is null) return null;
        await db.ShowcaseEntries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.DownloadCount, e => e.DownloadCount + 1), ct);
        access.Record(OpenIndex.AccessActions.Download, OpenIndex.AccessItems.App, id.ToString(System.Globalization.CultureInfo.InvariantCulture), OpenIndex.AccessChannels.Download);
        return (file.FileHash!, file.FileName ?? "download");
    }

    private static async Task<ImagePipeline.Inspection> InspectAsync(UploadedFile file, CancellationToken ct)
    {
        if (file.Length > ImagePipeline.MaxBytes) return ImagePipeline.Inspection.Refused($"图片超过 {ImagePipeline.MaxBytes / 1048576} MB 上限。");
        await using var s = file.Open();
        var bytes = await ImagePipeline.ReadCappedAsync(s, ct);
        return bytes is null ? ImagePipeline.Inspection.Refused($"图片超过 {ImagePipeline.MaxBytes / 1048576} MB 上限。") : ImagePipeline.Inspect(bytes);
    }

    /// <summary>A download offered on the detail page: a PDF report or an Android package, within the upload limit.</summary>
    private async Task<string?> CheckDownloadAsync(UploadedFile file, CancellationToken ct)
    {
        var limit = await uploadLimit.BytesAsync(ct);
        if (file.Length <= 0) return "下载文件为空。";
        if (file.Length > limit) return $"下载文件超过大小上限 {UploadLimit.Describe(limit)}。";
        await using var s = file.Open();
        using var copy = new MemoryStream();
        await s.CopyToAsync(copy, ct);
        copy.Position = 0;
        var kind = FileSniffer.Detect(copy);
        if (kind == FileKind.Pdf || IsApk(copy)) return null;
        return kind == FileKind.Executable ? "下载文件是可执行程序或脚本，不能上传。" : "下载文件只能是 PDF 报告或 Android 安装包（APK），按文件内容判断。";
    }

    private static bool IsApk(Stream s)
    {
        s.Position = 0;
        if (FileSniffer.Detect(s) != FileKind.Zip) return false;
        try
        {
            using var zip = new ZipArchive(s, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("AndroidManifest.xml") is not null;
        }
        catch (InvalidDataException) { return false; }
        finally { s.Position = 0; }
    }

    private static string Short(string name) => name.Length <= 60 ? name : name[..60];
}

public sealed class ShowcaseReviewException(string message) : Exception(message);

public static class ShowcaseAudit
{
    public const string Submitted = "showcase.submitted";
    public const string Reviewed = "showcase.reviewed";
}
