using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Datasets;

public static class DatasetEndpoints
{
    public static void MapDatasetEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Datasets");
        api.MapGet("/datasets", (DatasetQueries q, [AsParameters] DatasetSearchQuery r, OpenIndex.AccessRecorder access, HttpContext http, CancellationToken ct) =>
        {
            var request = r.ToRequest();
            if ((request.Page ?? 1) <= 1) access.RecordSearch(request.Q, http);
            return q.SearchAsync(request, ct);
        });
        api.MapGet("/datasets/{slug}", async (string slug, HttpContext http, DatasetQueries q, DatasetViews views, CancellationToken ct) =>
        {
            if (await q.DetailAsync(slug, http.User, ct) is not { } dto) return NotFound();
            if (dto.IsPublished) await views.RecordAsync(dto.Id, http, ct);
            return Results.Ok(dto);
        }).Produces<DatasetDetailDto>().ProducesProblem(404);
        api.MapGet("/datasets/{slug}/related", async (string slug, ClaimsPrincipal user, DatasetQueries q, CancellationToken ct) =>
            await q.DetailAsync(slug, user, ct) is { } d ? Results.Ok(await q.RelatedAsync(d.Id, 8, ct)) : NotFound())
            .Produces<IReadOnlyList<RelatedDatasetDto>>().ProducesProblem(404);
        api.MapGet("/datasets/{slug}/graph", async (string slug, ClaimsPrincipal user, DatasetQueries q, CancellationToken ct) =>
            await q.GraphAsync(slug, user, ct) is { } g ? Results.Ok(g) : NotFound())
            .Produces<DatasetGraphDto>().ProducesProblem(404);
        api.MapGet("/datasets/{slug}/resources/{id:int}/download", Download).NoStore().ProducesFile(DownloadContentTypes).ProducesProblem(400)
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/catalog", (DatasetQueries q, [AsParameters] CatalogQuery r, CancellationToken ct) =>
            q.CatalogAsync(new CatalogRequest { Org = r.Org, Q = r.Q, Page = r.Page, PageSize = r.PageSize }, ct));
        api.MapGet("/organizations", (DatasetQueries q, CancellationToken ct) => q.OrganizationsAsync(ct));
        api.MapGet("/domains", (DatasetQueries q, CancellationToken ct) => q.DomainsAsync(ct));

        var manage = app.MapGroup("/api/v1/manage").WithTags("Publishing").RequireAuthorization(Policies.Provider);
        manage.MapGet("/datasets", async (ClaimsPrincipal user, string? q, DatasetQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.ManagedAsync(user, q, ct))).Produces<IReadOnlyList<ManagedDatasetDto>>();
        manage.MapPost("/datasets", async (DatasetInput input, ClaimsPrincipal user, DatasetCommands c, CancellationToken ct) =>
            ToResult(await c.CreateAsync(input, user, ct), r => Results.Created($"/api/v1/datasets/{r.Slug}", r)))
            .Produces<DatasetRef>(201).ProducesValidationProblem().ProducesProblem(403);
        manage.MapPut("/datasets/{slug}", async (string slug, DatasetInput input, ClaimsPrincipal user, DatasetCommands c, CancellationToken ct) =>
            ToResult(await c.UpdateAsync(slug, input, user, ct), Results.Ok))
            .Produces<DatasetRef>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        manage.MapPut("/datasets/{slug}/fields", async (string slug, List<FieldInput> fields, ClaimsPrincipal user, DatasetCommands c, CancellationToken ct) =>
            ToResult(await c.UpdateFieldsAsync(slug, fields, user, ct), Results.Ok))
            .Produces<DatasetRef>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        manage.MapPost("/datasets/{slug}/publish", async (string slug, ClaimsPrincipal user, DatasetCommands c, CancellationToken ct) =>
            ToResult(await c.PublishAsync(slug, user, ct), Results.Ok))
            .Produces<DatasetRef>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        manage.MapPost("/datasets/{slug}/unpublish", async (string slug, ClaimsPrincipal user, DatasetCommands c, CancellationToken ct) =>
            ToResult(await c.UnpublishAsync(slug, user, ct), Results.Ok))
            .Produces<DatasetRef>().ProducesProblem(403).ProducesProblem(404);
        manage.MapPost("/datasets/{slug}/resources", Upload)
            .DisableAntiforgery() // bearer-token API; the cookie is SameSite=Lax, so no cross-site POST carries it
            .WithMetadata(new RequestSizeLimitAttribute(long.MaxValue))
            .WithFormOptions(multipartBodyLengthLimit: long.MaxValue)
            .WithMultipartForm(new("file", "file", "数据文件（CSV、Excel、JSON、Shapefile 压缩包等）", true),
                new("name", "string", "资源名称，默认取数据集名称（工作簿有多个有数据的工作表时，每个工作表一个资源，名称后加“（工作表名）”）"), new("resourceId", "integer", "替换已有资源时填其编号（生成新版本）"))
            .Produces<JobDto>(202).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        manage.MapGet("/jobs/{id:long}", async (long id, ClaimsPrincipal user, DatasetQueries q, CancellationToken ct) =>
            ToResult(await q.JobAsync(id, user, ct), Results.Ok)).Produces<JobDto>().ProducesProblem(403).ProducesProblem(404);
    }

    /// <summary>The original file (any type) or an export from the datastore, always as an attachment (a JSON export too).</summary>
    private static readonly string[] DownloadContentTypes = ["application/octet-stream", "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/xml"];

    private static async Task<IResult> Upload(string slug, HttpRequest request, ClaimsPrincipal user, DatasetCommands c, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return Invalid(new FieldErrors { ["file"] = "请以 multipart/form-data 上传文件（字段 file，可选 name）" });
        var form = await request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { } file)
            return Invalid(new FieldErrors { ["file"] = "请选择要上传的文件（字段 file）" });
        int? resourceId = int.TryParse(form["resourceId"], out var rid) ? rid : null;
        await using var stream = file.OpenReadStream();
        var result = await c.UploadAsync(slug, new UploadInput(form["name"], resourceId, file.FileName, file.Length, stream), user, ct);
        return ToResult(result, job => Results.Accepted($"/api/v1/manage/jobs/{job.Id}", job));
    }

    private static async Task<IResult> Download(string slug, int id, int? version, string? format, bool? acceptAgreement,
        ClaimsPrincipal user, DatasetDownloads downloads, Datastore.Querying.DatastoreReader reader, CancellationToken ct)
    {
        var r = await downloads.PrepareAsync(slug, id, version, format, acceptAgreement == true, user, ct);
        if (r.Status == 200 && r.Table is not null) return Export(r, slug, id, reader, ct);
        if (r.Status != 200 || r.FilePath is null)
            return ProblemDefaults.Problem(r.Status == 200 ? 404 : r.Status, r.Code ?? "not-found", r.Message ?? "文件不存在");
        return AttachmentResult.For(TypedResults.PhysicalFile(r.FilePath, r.ContentType ?? "application/octet-stream"), slug, id, r.FileName!);
    }

    /// <summary>A download written from the datastore row by row: constant memory whatever the row count.</summary>
    public static IResult Export(DownloadResult r, string slug, int resourceId, Datastore.Querying.DatastoreReader reader, CancellationToken ct)
    {
        var t = r.Table!;
        var fmt = Enum.Parse<Datastore.Export.ExportFormat>(r.ExportFormat!, ignoreCase: true);
        return AttachmentResult.For(TypedResults.Stream(s => reader.ExportAsync(fmt, t.TableName, t.Columns, s, ct),
            Datastore.Export.ExportWriters.ContentType(fmt)), slug, resourceId, r.FileName!);
    }

    public static IResult ToResult<T>(CommandResult<T> r, Func<T, IResult> ok) => r.Status switch
    {
        CommandStatus.Ok => ok(r.Value!),
        CommandStatus.NotFound => NotFound(),
        CommandStatus.Forbidden => ProblemDefaults.Problem(403, "forbidden", "只能管理本部门的数据集"),
        _ => Invalid(r.Errors ?? new FieldErrors()),
    };

    private static IResult NotFound() => ProblemDefaults.Problem(404, "not-found", "数据集不存在或尚未发布");

    private static IResult Invalid(FieldErrors errors) => TypedResults.ValidationProblem(
        errors.ToDictionary(e => e.Key, e => new[] { e.Value }), detail: "提交的内容有误，请按字段提示修改",
        title: "请求参数有误", extensions: new Dictionary<string, object?> { ["code"] = "validation" });
}

/// <summary>Query-string binding of the list (kept apart so the contract class stays framework-free).</summary>
public sealed record DatasetSearchQuery(string? Q, string? Org, int? Domain, string? Format, string? Open, string? County,
    string? Sort, int? Page, int? PageSize)
{
    public DatasetSearchRequest ToRequest() => new()
    {
        Q = Q, Org = Org, Domain = Domain, Format = Format, Open = Open, County = County, Sort = Sort, Page = Page, PageSize = PageSize,
    };
}

public sealed record CatalogQuery(string? Org, string? Q, int? Page, int? PageSize);
