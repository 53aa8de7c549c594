using System.Security.Claims;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Interaction;

public sealed record CommentRequest(string? Body);
public sealed record RatingRequest(int? Stars);
public sealed record ErrorReportRequest(string? Type, string? Description, string? Location);
public sealed record FeedbackRequest(string? Title, string? Body);
/// <summary>Question id → chosen option indexes ("0", "2") or, for a text question, the answer text.</summary>
public sealed record SurveyAnswerRequest(Dictionary<int, string[]>? Answers);
/// <summary>What a command did: its message (Chinese, for people) and the id of what it created.</summary>
public sealed record OutcomeResponse(string Message, long? Id);
public sealed record FavoriteResponse(string Kind, string Key, bool IsFavorite, string Message);

/// <summary>
/// The JSON API of the interaction features under /api/v1. It calls the same commands and queries as the pages
/// (authorization is inside them); cookie or personal bearer token. Refusals are problem+json with the same
/// Chinese message the page shows: 400 invalid input, 401 not signed in, 403, 404, 409 already done or closed.
/// </summary>
public static class InteractionApi
{
    public static void MapInteractionApi(this IEndpointRouteBuilder app)
    {
        var item = app.MapGroup("/api/v1/{kind:regex(^(dataset|api|app)$)}/{key}").WithTags("Interaction");
        item.MapGet("/rating", async (string kind, string key, ClaimsPrincipal user, InteractionItems items, ItemInteractions c, CancellationToken ct) =>
            await items.ResolveAsync(kind, key, ct) is null ? NotFound() : Results.Ok(await c.StatsAsync(kind, key, user, ct)))
            .WithSummary("评分：平均分、人数、收藏数及当前用户的评分")
            .Produces<ItemStats>().ProducesProblem(404);
        item.MapPut("/rating", async (string kind, string key, RatingRequest r, ClaimsPrincipal user, ItemInteractions c, CancellationToken ct) =>
            Done(await c.RateAsync(kind, key, r.Stars ?? 0, user, ct), user)).WithSummary("评分（1–5 星，每人一次，可修改）")
            .Produces<OutcomeResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);
        item.MapPost("/favorite", (string kind, string key, ClaimsPrincipal user, ItemInteractions c, CancellationToken ct) =>
            Favorite(c, kind, key, null, user, ct)).WithSummary("切换收藏")
            .Produces<FavoriteResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);
        item.MapPut("/favorite", (string kind, string key, ClaimsPrincipal user, ItemInteractions c, CancellationToken ct) =>
            Favorite(c, kind, key, true, user, ct)).WithSummary("收藏")
            .Produces<FavoriteResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);
        item.MapDelete("/favorite", (string kind, string key, ClaimsPrincipal user, ItemInteractions c, CancellationToken ct) =>
            Favorite(c, kind, key, false, user, ct)).WithSummary("取消收藏")
            .Produces<FavoriteResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);
        item.MapGet("/comments", async (string kind, string key, int? page, int? pageSize, InteractionItems items, CommentCommands c, CancellationToken ct) =>
            await items.ResolveAsync(kind, key, ct) is null ? NotFound() : Results.Ok(await c.PublicAsync(kind, key, Paging.Number(page), Paging.Size(pageSize), ct)))
            .WithSummary("评论（已显示的，最新在前，分页）")
            .Produces<Paged<CommentDto>>().ProducesProblem(404);
        item.MapPost("/comments", async (string kind, string key, CommentRequest r, ClaimsPrincipal user, CommentCommands c, CancellationToken ct) =>
            Created(await c.AddAsync(kind, key, r.Body, user, ct), user)).WithSummary("发表评论（含敏感词时先审核）")
            .Produces<OutcomeResponse>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);
        item.MapGet("/error-reports", async (string kind, string key, int? page, int? pageSize, InteractionItems items, ErrorReports c, CancellationToken ct) =>
            await items.ResolveAsync(kind, key, ct) is null ? NotFound() : Results.Ok(await c.PublicLogAsync(kind, key, Paging.Number(page), Paging.Size(pageSize), ct)))
            .WithSummary("纠错记录（公开）")
            .Produces<Paged<ErrorReportDto>>().ProducesProblem(404);
        item.MapPost("/error-reports", async (string kind, string key, ErrorReportRequest r, ClaimsPrincipal user, ErrorReports c, CancellationToken ct) =>
            Created(await c.SubmitAsync(kind, key, new ErrorReportInput { Type = r.Type ?? "", Description = r.Description ?? "", Location = r.Location }, user, ct), user))
            .WithSummary("数据纠错（类型 DataError、BrokenLink、Mismatch、Other）")
            .Produces<OutcomeResponse>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);
        item.MapPost("/subscription", async (string kind, string key, ClaimsPrincipal user, Subscriptions c, CancellationToken ct) =>
            kind != ItemKinds.Dataset ? NotFound() : Done(await c.ToggleAsync(key, user, ct), user)).WithSummary("切换订阅（仅数据集）")
            .Produces<OutcomeResponse>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);

        var g = app.MapGroup("/api/v1/interact").WithTags("Interaction");
        g.MapGet("/requests", async (DataRequestStatus? status, string? org, int? domain, int? page, int? pageSize, DataRequests c, CancellationToken ct) =>
        {
            var (p, size) = (Paging.Number(page), Paging.Size(pageSize));
            var (items, total) = await c.ListAsync(new DataRequestFilter(status, string.IsNullOrEmpty(org) ? null : org, domain, p, size), ct);
            return Results.Ok(new Paged<DataRequestDto>(items, total, p, size));
        }).WithSummary("数据请求（按状态、部门、领域筛选，分页）")
            .Produces<Paged<DataRequestDto>>();
        g.MapPost("/requests", async (DataRequestInput r, ClaimsPrincipal user, DataRequests c, CancellationToken ct) =>
            Created(await c.SubmitAsync(r, user, ct), user, id => $"/api/v1/interact/requests/{id}")).WithSummary("提出数据请求")
            .Produces<OutcomeResponse>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);
        g.MapGet("/requests/{id:long}", async (long id, DataRequests c, CancellationToken ct) =>
            await c.FindAsync(id, ct) is { } r ? Results.Ok(r) : NotFound()).WithSummary("数据请求详情")
            .Produces<DataRequestDto>().ProducesProblem(404);
        g.MapPost("/requests/{id:long}/votes", async (long id, ClaimsPrincipal user, DataRequests c, CancellationToken ct) =>
            Created(await c.VoteAsync(id, user, ct), user)).WithSummary("+1（每人一次）")
            .Produces<OutcomeResponse>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);
        g.MapGet("/feedback", async (int? page, int? pageSize, FeedbackBox c, CancellationToken ct) =>
            Results.Ok(await c.PageAsync(Paging.Number(page), Paging.Size(pageSize), ct))).WithSummary("建议反馈及平台答复")
            .Produces<Paged<FeedbackDto>>();
        g.MapPost("/feedback", async (FeedbackRequest r, ClaimsPrincipal user, FeedbackBox c, CancellationToken ct) =>
            Created(await c.SubmitAsync(r.Title, r.Body, user, ct), user)).WithSummary("提交建议")
            .Produces<OutcomeResponse>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);
        g.MapGet("/surveys", async (Surveys c, CancellationToken ct) => Results.Ok(await c.ListAsync(openOnly: true, ct))).WithSummary("进行中的问卷")
            .Produces<List<SurveySummary>>();
        g.MapGet("/surveys/{id:int}", async (int id, Surveys c, CancellationToken ct) =>
            await c.FindAsync(id, ct) is { } s ? Results.Ok(s) : NotFound()).WithSummary("问卷及其问题")
            .Produces<SurveyDto>().ProducesProblem(404);
        g.MapPost("/surveys/{id:int}/responses", async (int id, SurveyAnswerRequest r, ClaimsPrincipal user, Surveys c, CancellationToken ct) =>
            Created(await c.AnswerAsync(id, r.Answers ?? new Dictionary<int, string[]>(), user, ct), user)).WithSummary("提交答卷（每人一次，开放期内）")
            .Produces<OutcomeResponse>(201).ProducesProblem(400).ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);

        var me = app.MapGroup("/api/v1/me").RequireAuthorization().WithTags("Interaction");
        me.MapGet("/favorites", async (int? page, int? pageSize, ClaimsPrincipal user, ItemInteractions c, CancellationToken ct) =>
            Results.Ok(await c.MyFavoritesAsync(user, Paging.Number(page), Paging.Size(pageSize), ct))).WithSummary("我的收藏")
            .Produces<Paged<FavoriteDto>>();
        me.MapGet("/subscriptions", async (int? page, int? pageSize, ClaimsPrincipal user, Subscriptions c, CancellationToken ct) =>
            Results.Ok(await c.MineAsync(user, Paging.Number(page), Paging.Size(pageSize), ct))).WithSummary("我的订阅")
            .Produces<Paged<SubscriptionDto>>();
    }

    private static async Task<IResult> Favorite(ItemInteractions c, string kind, string key, bool? on, ClaimsPrincipal user, CancellationToken ct)
    {
        var o = await c.SetFavoriteAsync(kind, key, on, user, ct);
        return o.Ok ? Results.Ok(new FavoriteResponse(kind, key, o.Id == 1, o.Message ?? "")) : Problem(o, user);
    }

    private static IResult Done(Outcome o, ClaimsPrincipal user) => o.Ok ? Results.Ok(new OutcomeResponse(o.Message ?? "", o.Id)) : Problem(o, user);

    private static IResult Created(Outcome o, ClaimsPrincipal user, Func<long, string>? location = null) =>
        !o.Ok ? Problem(o, user)
        : Results.Created(o.Id is { } id && location is not null ? location(id) : null, new OutcomeResponse(o.Message ?? "", o.Id));

    /// <summary>The command's refusal as problem+json; "please sign in" is 401 for a visitor.</summary>
    internal static IResult Problem(Outcome o, ClaimsPrincipal user)
    {
        var message = o.Message ?? "操作未完成";
        return o.Kind switch
        {
            OutcomeKind.Forbidden when user.Identity?.IsAuthenticated != true => ProblemDefaults.Problem(401, "unauthenticated", message),
            OutcomeKind.Forbidden => ProblemDefaults.Problem(403, "forbidden", message),
            OutcomeKind.NotFound => ProblemDefaults.Problem(404, "not_found", message),
            OutcomeKind.Conflict => ProblemDefaults.Problem(409, "conflict", message),
            _ => ProblemDefaults.Problem(400, "invalid", message),
        };
    }

    private static IResult NotFound() => ProblemDefaults.Problem(404, "not_found", "没有找到该内容，可能已被删除或尚未公开");
}
