using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Features.Interaction;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Storage;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Showcase;

/// <summary>The showcase's JSON API (architecture.md's URL map), its images and its downloads.</summary>
public static class ShowcaseEndpoints
{
    /// <summary>A submission's request limit (screenshots and the attached file); the content checks refuse each file by its own limit.</summary>
    public const long MaxRequestBytes = 256L * 1024 * 1024;

    public static void MapShowcaseEndpoints(this IEndpointRouteBuilder app)
    {
        var apps = app.MapGroup("/api/v1/apps").WithTags("Showcase");
        apps.MapGet("/", async (string? q, int? domain, string? type, string? sort, int? page, ShowcaseQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.SearchAsync(new AppSearch(q, domain, type, sort, Paging.Number(page)), ct)))
            .WithSummary("应用成果列表（仅已审核通过）：q 名称搜索，domain 领域 id，type = service|media|solution|research，sort = newest|rating|views|downloads")
            .Produces<Paged<AppCardDto>>();
        apps.MapGet("/{id:int}", async (int id, ShowcaseQueries queries, CancellationToken ct) =>
            await queries.DetailAsync(id, ct) is { } d ? Results.Ok(d) : NotFound()).Produces<AppDetailDto>().ProducesProblem(404);

        var mine = app.MapGroup("/api/v1/me/showcase").RequireAuthorization().WithTags("Showcase");
        // Bearer-token API: the cookie is SameSite=Lax and the antiforgery cookie Strict, so no cross-site form carries them;
        // a cookie-authenticated POST must still send the page's antiforgery token (checked below).
        mine.MapPost("/", (HttpRequest request, ClaimsPrincipal user, ShowcaseCommands cmd, CancellationToken ct) => SubmitAsync(request, null, user, cmd, ct))
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes)).WithFormOptions(multipartBodyLengthLimit: MaxRequestBytes)
            .Accepts<IFormFile>("multipart/form-data").WithMultipartForm(ShowcaseForms.OpenApiFields).WithSummary("提交应用成果（multipart：name, type, domain, summary, team, datasets, apis, url, screenshots…）")
            .Produces<ShowcaseStatusResponse>(201).ProducesValidationProblem().ProducesProblem(400);
        mine.MapPost("/{id:int}", (int id, HttpRequest request, ClaimsPrincipal user, ShowcaseCommands cmd, CancellationToken ct) => SubmitAsync(request, id, user, cmd, ct))
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes)).WithFormOptions(multipartBodyLengthLimit: MaxRequestBytes)
            .Accepts<IFormFile>("multipart/form-data").WithMultipartForm(ShowcaseForms.OpenApiFields).WithSummary("修改并重新提交；不传 screenshots 时保留原截图")
            .Produces<ShowcaseStatusResponse>().ProducesValidationProblem().ProducesProblem(400).ProducesProblem(404);
        mine.MapGet("/", async (ClaimsPrincipal user, ShowcaseQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.MineAsync(ShowcaseAccess.UserId(user)!, ct))).Produces<List<MyAppDto>>();

        var admin = app.MapGroup("/api/v1/admin/showcase").RequireAuthorization(Policies.Reviewer).WithTags("Admin");
        admin.MapGet("/", async (bool? pending, int? page, ClaimsPrincipal user, ShowcaseQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.QueueAsync(user, pending ?? true, Paging.Number(page), ct)))
            .WithSummary("审核队列：待审核在前、先到先审，每页 20 条").Produces<Paged<MyAppDto>>();
        admin.MapPost("/{id:int}/approve", (int id, ReviewInput? r, ClaimsPrincipal user, ShowcaseCommands cmd, CancellationToken ct) => Review(cmd, user, id, "approve", r, ct))
            .Produces<ShowcaseStatusResponse>().ProducesProblem(400).ProducesProblem(409);
        admin.MapPost("/{id:int}/reject", (int id, ReviewInput? r, ClaimsPrincipal user, ShowcaseCommands cmd, CancellationToken ct) => Review(cmd, user, id, "reject", r, ct))
            .Produces<ShowcaseStatusResponse>().ProducesProblem(400).ProducesProblem(409);
        admin.MapPost("/{id:int}/request-changes", (int id, ReviewInput? r, ClaimsPrincipal user, ShowcaseCommands cmd, CancellationToken ct) => Review(cmd, user, id, "changes", r, ct))
            .Produces<ShowcaseStatusResponse>().ProducesProblem(400).ProducesProblem(409);

        // Screenshots and thumbnails: only files some entry references (the names are SHA-256, not guessable),
        // always with their re-encoded type and nosniff.
        app.MapGet("/apps/media/{hash:regex(^[0-9a-f]{{64}}$)}", async (string hash, PortalDbContext db, IFileStore files, HttpContext http, CancellationToken ct) =>
        {
            var media = await db.ShowcaseImages.AsNoTracking().Where(i => i.Hash == hash || i.ThumbHash == hash)
                .Select(i => i.Hash == hash ? i.MediaType : "image/jpeg").FirstOrDefaultAsync(ct);
            if (media is null || !await files.ExistsAsync(hash, ct)) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Stream(files.OpenRead(hash), media);
        }).ExcludeFromDescription();
        app.MapGet("/apps/{id:int}/download", async (int id, ShowcaseCommands cmd, IFileStore files, CancellationToken ct) =>
            await cmd.DownloadAsync(id, ct) is { } f ? Results.Stream(files.OpenRead(f.Hash), "application/octet-stream", f.FileName) : Results.NotFound())
            .ExcludeFromDescription();
    }

    private static async Task<IResult> SubmitAsync(HttpRequest request, int? id, ClaimsPrincipal user, ShowcaseCommands cmd, CancellationToken ct)
    {
        if (user.Identity?.AuthenticationType != BearerTokenHandler.SchemeName
            && !await request.HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().IsRequestValidAsync(request.HttpContext))
            return ProblemDefaults.Problem(400, "antiforgery", "页面已过期，请刷新后重试");
        if (!request.HasFormContentType)
            return Invalid(new FieldErrors { ["form"] = "请以 multipart/form-data 提交（截图字段 screenshots 可重复）。" });
        var form = await request.ReadFormAsync(ct);
        var result = await cmd.SubmitAsync(user, id, ShowcaseForms.Read(form), ct);
        if (result.NotFound) return NotFound();
        if (!result.Errors.Ok) return Invalid(result.Errors);
        return id is null
            ? Results.Created($"/api/v1/apps/{result.Id}", new ShowcaseStatusResponse(result.Id!.Value, result.Status!))
            : Results.Ok(new ShowcaseStatusResponse(result.Id!.Value, result.Status!));
    }

    private static async Task<IResult> Review(ShowcaseCommands cmd, ClaimsPrincipal user, int id, string decision, ReviewInput? r, CancellationToken ct)
    {
        try
        {
            return await cmd.ReviewAsync(user, id, decision, r?.Reason, ct)
                ? Results.Ok(new ShowcaseStatusResponse(id, decision switch { "approve" => "approved", "reject" => "rejected", _ => "changesRequested" }))
                : ProblemDefaults.Problem(409, "not_pending", "成果不存在或不在待审核状态。");
        }
        catch (ShowcaseReviewException e) { return ProblemDefaults.Problem(400, "invalid_reason", e.Message, new Dictionary<string, object?> { ["field"] = "reason" }); }
    }

    internal static IResult Invalid(FieldErrors errors) => TypedResults.ValidationProblem(
        errors.ToDictionary(e => e.Key, e => new[] { e.Value }), detail: string.Join("；", errors.Values),
        title: "提交的内容有误", extensions: new Dictionary<string, object?> { ["code"] = "validation" });

    private static IResult NotFound() => ProblemDefaults.Problem(404, "not_found", "应用成果不存在或不属于您。");
}

/// <summary>Reads the submission fields of a multipart form (the JSON API and the page post the same names).</summary>
public static class ShowcaseForms
{
    /// <summary>The fields <see cref="Read"/> takes, for the OpenAPI document.</summary>
    public static readonly MultipartField[] OpenApiFields =
    [
        new("name", "string", "应用名称", true), new("type", "string", "成果类型", true), new("domain", "integer", "所属领域编号", true),
        new("tags", "string", "标签，逗号分隔"), new("summary", "string", "应用简介", true), new("team", "string", "开发团队", true),
        new("teamContact", "string", "团队联系方式"), new("datasets", "string[]", "使用的数据集 slug（可重复，或逗号/换行分隔）"),
        new("apis", "string[]", "使用的接口编码（可重复，或逗号/换行分隔）"), new("url", "string", "应用访问地址"),
        new("embedCode", "string", "嵌入代码"), new("developerAppId", "integer", "关联的开发者应用编号"),
        new("screenshots", "file[]", "截图（PNG/JPEG/WebP，可重复；修改时不传则保留原截图）"),
        new("screenshotAlts", "string[]", "截图的替代文字，与 screenshots 一一对应"), new("file", "file", "附件（如安装包或说明文档）"),
    ];

    public static ShowcaseInput Read(IFormCollection form)
    {
        static UploadedFile Wrap(IFormFile f) => new(f.FileName, f.Length, f.OpenReadStream);
        int? Int(string key) => int.TryParse(form[key], out var v) ? v : null;
        var shots = form.Files.GetFiles("screenshots").Where(f => f.Length > 0 || f.FileName.Length > 0).Select(Wrap).ToList();
        var file = form.Files.GetFile("file") is { Length: > 0 } f ? Wrap(f) : null;
        return new ShowcaseInput(form["name"], form["type"], Int("domain"), form["tags"], form["summary"], form["team"], form["teamContact"],
            Split(form["datasets"]), Split(form["apis"]), form["url"], form["embedCode"], Int("developerAppId"),
            shots, form["screenshotAlts"].SelectMany(a => (a ?? "").Split('\n')).Select(a => a.Trim()).ToList(), file);
    }

    /// <summary>Repeated fields, or one field with several values separated by commas or new lines (the page's text box).</summary>
    private static List<string> Split(Microsoft.Extensions.Primitives.StringValues values) =>
        values.SelectMany(v => (v ?? "").Split([',', '，', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}

public sealed record ShowcaseStatusResponse(int Id, string Status);
