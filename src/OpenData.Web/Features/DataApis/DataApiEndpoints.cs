using System.Security.Claims;
using OpenData.Web.Features.DataApis.Applications;
using OpenData.Web.Features.DataApis.Apps;
using OpenData.Web.Features.DataApis.Catalog;
using OpenData.Web.Features.Interaction;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.DataApis;

/// <summary>The platform's JSON API for apps, applications, reviews and the API catalog.</summary>
public static class DataApiEndpoints
{
    public static void MapDataApiPlatformEndpoints(this IEndpointRouteBuilder app)
    {
        var apps = app.MapGroup("/api/v1/me/apps").RequireAuthorization().WithTags("Developer apps");
        apps.MapPost("/", async (CreateAppRequest r, ClaimsPrincipal user, AppCommands cmd, CancellationToken ct) =>
            await Try(async () => await cmd.CreateAsync(Id(user), user.Identity!.Name!, r, ct) is var a ? Results.Created($"/api/v1/me/apps/{a.Id}", a) : null!))
            .Produces<AppWithSecret>(201).ProducesProblem(400);
        apps.MapGet("/", async (ClaimsPrincipal user, AppCommands cmd, CancellationToken ct) => Results.Ok(await cmd.ListAsync(Id(user), ct)))
            .Produces<List<AppDto>>();
        apps.MapGet("/{id:int}", async (int id, ClaimsPrincipal user, AppCommands cmd, CancellationToken ct) =>
            await cmd.GetAsync(Id(user), id, ct) is { } a ? Results.Ok(a) : NotFound()).Produces<AppDto>().ProducesProblem(404);
        apps.MapPost("/{id:int}/rotate-secret", async (int id, ClaimsPrincipal user, AppCommands cmd, CancellationToken ct) =>
            await cmd.RotateAsync(Id(user), user.Identity!.Name!, id, ct) is { } a ? Results.Ok(a) : NotFound())
            .Produces<AppWithSecret>().ProducesProblem(404);
        apps.MapPost("/{id:int}/disable", async (int id, ClaimsPrincipal user, AppCommands cmd, CancellationToken ct) =>
            await cmd.SetDisabledAsync(Id(user), user.Identity!.Name!, id, true, ct) ? Results.NoContent() : NotFound())
            .Produces(204).ProducesProblem(404);
        apps.MapPost("/{id:int}/enable", async (int id, ClaimsPrincipal user, AppCommands cmd, CancellationToken ct) =>
            await cmd.SetDisabledAsync(Id(user), user.Identity!.Name!, id, false, ct) ? Results.NoContent() : NotFound())
            .Produces(204).ProducesProblem(404);
        apps.MapGet("/{id:int}/calls", async (int id, int? days, ClaimsPrincipal user, AppCommands cmd, CancellationToken ct) =>
            await cmd.DailyCallsAsync(Id(user), id, Math.Clamp(days ?? 30, 1, 90), ct) is { } d ? Results.Ok(d) : NotFound())
            .Produces<List<DailyCalls>>().ProducesProblem(404);

        var mine = app.MapGroup("/api/v1/me/api-applications").RequireAuthorization().WithTags("API applications");
        mine.MapPost("/", async (ApplyRequest r, ClaimsPrincipal user, ApplicationCommands cmd, CancellationToken ct) =>
            await Try(async () => Results.Ok(await cmd.ApplyAsync(Id(user), user.Identity!.Name!, r, ct))))
            .Produces<ApplicationDto>().ProducesProblem(400);
        mine.MapGet("/", async (ClaimsPrincipal user, ApplicationCommands cmd, CancellationToken ct) => Results.Ok(await cmd.MineAsync(Id(user), ct)))
            .Produces<List<ApplicationDto>>();

        var admin = app.MapGroup("/api/v1/admin/api-applications").RequireAuthorization(Policies.Reviewer).WithTags("Admin");
        admin.MapGet("/", async (bool? pending, int? page, ClaimsPrincipal user, ApplicationCommands cmd, CancellationToken ct) =>
            Results.Ok(await cmd.QueueAsync(user, pending ?? true, Paging.Number(page), ct)))
            .WithSummary("审核队列：待审核在前、先到先审，每页 20 条（page 从 1 开始）").Produces<Paged<ApplicationDto>>();
        admin.MapPost("/{id:int}/approve", (int id, ReviewRequest? r, ClaimsPrincipal user, ApplicationCommands cmd, CancellationToken ct) =>
            Review(cmd, user, id, true, r?.Reason, ct)).Produces<ReviewedResponse>().ProducesProblem(400).ProducesProblem(409);
        admin.MapPost("/{id:int}/reject", (int id, ReviewRequest? r, ClaimsPrincipal user, ApplicationCommands cmd, CancellationToken ct) =>
            Review(cmd, user, id, false, r?.Reason, ct)).Produces<ReviewedResponse>().ProducesProblem(400).ProducesProblem(409);

        var apis = app.MapGroup("/api/v1/apis").WithTags("API catalog");
        apis.MapGet("/", async (string? q, string? org, int? domain, string? sort, int? page, int? pageSize, ApiCatalog catalog, CancellationToken ct) =>
            Results.Ok(await catalog.SearchAsync(new ApiSearch(q, org, domain, sort, Math.Max(page ?? 1, 1), Math.Clamp(pageSize ?? 20, 1, 100)), ct)))
            .Produces<ApiSearchResult>();
        apis.MapGet("/{code}", async (string code, ApiCatalog catalog, CancellationToken ct) =>
            await catalog.FindAsync(code, ct) is { } a ? Results.Ok(a) : NotFound()).Produces<ApiSummary>().ProducesProblem(404);
    }

    private static Task<IResult> Review(ApplicationCommands cmd, ClaimsPrincipal user, int id, bool approve, string? reason, CancellationToken ct) =>
        Try(async () => await cmd.ReviewAsync(user, id, approve, reason, ct)
            ? Results.Ok(new ReviewedResponse(id, approve ? "approved" : "rejected"))
            : ProblemDefaults.Problem(409, "application_not_pending", "申请不存在或已经审核过。"));

    private static async Task<IResult> Try(Func<Task<IResult>> work)
    {
        try { return await work(); }
        catch (AppValidationException e) { return ProblemDefaults.Problem(400, "invalid_" + e.Code, e.Message, new Dictionary<string, object?> { ["field"] = e.Code }); }
    }

    private static IResult NotFound() => ProblemDefaults.Problem(404, "not_found", "不存在或不属于您。");

    private static string Id(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;
}

public sealed record ReviewedResponse(int Id, string Status);
