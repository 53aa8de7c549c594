using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.Interaction;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.RestrictedAccess;

/// <summary>
/// The JSON routes of architecture.md's URL map (applications, grants, the public ledger), the review actions,
/// and the two file routes: an application's documents (attachment, 404 for anyone not concerned) and the blank templates.
/// </summary>
public static class RestrictedEndpoints
{
    public static void MapRestrictedEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/v1/me").RequireAuthorization().WithTags("Restricted data");
        me.MapGet("/restricted-applications", async (int? page, ClaimsPrincipal user, RestrictedQueries q, CancellationToken ct) =>
            Results.Ok(await q.MineAsync(user, Paging.Number(page), ct))).WithSummary("我的受限数据申请及每一步审核（status、steps）")
            .Produces<Paged<RestrictedApplicationDto>>();
        me.MapGet("/restricted-applications/{id:int}", async (int id, ClaimsPrincipal user, RestrictedQueries q, CancellationToken ct) =>
            await q.DetailAsync(user, id, ct) is { } d ? Results.Ok(d) : NotFound()).WithSummary("一份受限数据申请")
            .Produces<RestrictedApplicationDto>().ProducesProblem(404);
        // Multipart: the fields plus the documents, each file under its kind (applicationForm, demandList, securityCertificate,
        // creditReport, commitment, other); draft=true saves a draft. Cookie callers send the antiforgery token like a form.
        me.MapPost("/restricted-applications", (HttpContext http, RestrictedCommands c, CancellationToken ct) => SaveAsync(http, c, null, ct))
            .DisableAntiforgery().WithSummary("提交受限数据申请（multipart，draft=true 保存草稿）").WithMultipartForm(RestrictedForm.OpenApiFields)
            .Produces<CreatedApplicationResponse>(201).ProducesProblem(400).ProducesProblem(415);
        me.MapPost("/restricted-applications/{id:int}", (int id, HttpContext http, RestrictedCommands c, CancellationToken ct) => SaveAsync(http, c, id, ct))
            .DisableAntiforgery().WithSummary("继续填写草稿或补充材料后重新提交").WithMultipartForm(RestrictedForm.OpenApiFields)
            .Produces<CreatedApplicationResponse>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(415);
        me.MapPost("/restricted-applications/{id:int}/withdraw", (int id, DecisionRequest? r, HttpContext http, RestrictedWithdrawal w, CancellationToken ct) =>
            DecideAsync(http, () => w.WithdrawAsync(http.User, id, r?.Reason, ct))).WithSummary("撤回尚未审结的申请（草稿、审核中或待补充材料）")
            .Produces<DoneResponse>().ProducesProblem(400).ProducesProblem(404);
        me.MapGet("/grants", async (ClaimsPrincipal user, RestrictedQueries q, CancellationToken ct) => Results.Ok(await q.GrantsAsync(user, null, ct)))
            .WithSummary("我的受限数据授权、授权字段及到期时间").Produces<IReadOnlyList<GrantDto>>();

        var pub = app.MapGroup("/api/v1/restricted").WithTags("Restricted data");
        pub.MapGet("/ledger", async (int? page, RestrictedLedger l, CancellationToken ct) => Results.Ok(await l.PageAsync(Paging.Number(page), ct)))
            .WithSummary("受限数据申请公示（匿名）：数据集、部门、状态、审结天数及各部门平均审结天数").Produces<LedgerDto>();
        var review = pub.MapGroup("/applications").RequireAuthorization();
        review.MapGet("/queue", async (bool? all, int? page, ClaimsPrincipal user, RestrictedQueries q, CancellationToken ct) =>
            await q.QueueAsync(user, all == true, Paging.Number(page), ct) is { } p ? Results.Ok(p) : Forbidden())
            .WithSummary("审核队列：提供部门看本部门待审，审核员看待复核").Produces<Paged<RestrictedApplicationDto>>().ProducesProblem(403);
        review.MapPost("/{id:int}/approve", (int id, DecisionRequest? r, HttpContext http, RestrictedReview c, CancellationToken ct) =>
            DecideAsync(http, () => c.DecideAsync(http.User, id, Decision.Approve, r?.Reason, ct))).Produces<DoneResponse>().ProducesProblem(400).ProducesProblem(404);
        review.MapPost("/{id:int}/reject", (int id, DecisionRequest? r, HttpContext http, RestrictedReview c, CancellationToken ct) =>
            DecideAsync(http, () => c.DecideAsync(http.User, id, Decision.Reject, r?.Reason, ct))).Produces<DoneResponse>().ProducesProblem(400).ProducesProblem(404);
        review.MapPost("/{id:int}/more-info", (int id, DecisionRequest? r, HttpContext http, RestrictedReview c, CancellationToken ct) =>
            DecideAsync(http, () => c.DecideAsync(http.User, id, Decision.MoreInfo, r?.Reason, ct))).Produces<DoneResponse>().ProducesProblem(400).ProducesProblem(404);
        review.MapPost("/{id:int}/revoke", (int id, DecisionRequest? r, HttpContext http, RestrictedReview c, CancellationToken ct) =>
            DecideAsync(http, () => c.RevokeAsync(http.User, id, r?.Reason, ct))).Produces<DoneResponse>().ProducesProblem(400).ProducesProblem(404);

        app.MapGet("/restricted/documents/{id:int}", async (int id, ClaimsPrincipal user, RestrictedDocuments docs, CancellationToken ct) =>
            await docs.OpenAsync(id, user, ct) is { } d
                ? Results.File(d.Content, d.Doc.ContentType, d.Doc.FileName, enableRangeProcessing: false)
                : Results.NotFound()).ExcludeFromDescription();
        app.MapGet("/restricted/templates/{kind}.docx", (string kind) =>
            DocumentKinds.Templates.Contains(kind)
                ? Results.File(BlankTemplates.Docx(kind), BlankTemplates.ContentType, DocumentKinds.Label(kind) + "（模板）.docx")
                : Results.NotFound()).ExcludeFromDescription();
    }

    private static async Task<IResult> SaveAsync(HttpContext http, RestrictedCommands commands, int? id, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType) return ProblemDefaults.Problem(415, "form-required", "请以 multipart/form-data 提交申请及材料");
        if (await CsrfProblemAsync(http) is { } csrf) return csrf;
        var form = await http.Request.ReadFormAsync(ct);
        var input = RestrictedForm.Read(form);
        var files = form.Files.Select(f => new IncomingDocument(f.Name, f.FileName, f.Length, f.OpenReadStream)).ToList();
        var draft = form["draft"].ToString() is "true" or "on";
        try
        {
            var r = await commands.SaveAsync(http.User, id, input, files, !draft, ct);
            return id is null ? Results.Created($"/api/v1/me/restricted-applications/{r.Id}", r) : Results.Ok(r);
        }
        catch (RestrictedValidationException e) { return Invalid(e); }
        catch (KeyNotFoundException) { return NotFound(); }
    }

    private static async Task<IResult> DecideAsync(HttpContext http, Func<Task<bool>> action)
    {
        if (await CsrfProblemAsync(http) is { } csrf) return csrf;
        try { return await action() ? Results.Ok(new DoneResponse("已处理")) : NotFound(); }
        catch (RestrictedValidationException e) { return Invalid(e); }
    }

    /// <summary>A cookie-authenticated state change must carry the page's antiforgery token; bearer-token calls need none.</summary>
    private static async Task<IResult?> CsrfProblemAsync(HttpContext http)
    {
        if (http.User.Identity?.AuthenticationType == BearerTokenHandler.SchemeName) return null;
        return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http) ? null
            : ProblemDefaults.Problem(400, "antiforgery", "页面已过期，请刷新后重试");
    }

    private static IResult Invalid(RestrictedValidationException e) =>
        ProblemDefaults.Problem(400, "invalid", e.Message, new Dictionary<string, object?> { ["field"] = e.Field });

    private static IResult NotFound() => ProblemDefaults.Problem(404, "not-found", "申请不存在，或您无权查看");
    private static IResult Forbidden() => ProblemDefaults.Problem(403, "forbidden", "只有提供部门和平台审核员可以查看审核队列");
}
