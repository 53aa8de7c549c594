using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenData.Web.Data;
using OpenData.Web.Features.DataApis.Apps;
using OpenData.Web.Features.DataApis.Gateway;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.DataApis.Services;

public sealed record AllowListRequest(IReadOnlyList<string>? Hosts);
public sealed record AllowListResponse(IReadOnlyList<string> Hosts);

public static class ServiceEndpoints
{
    public static void MapServiceApiEndpoints(this IEndpointRouteBuilder app)
    {
        var manage = app.MapGroup("/api/v1/manage").RequireAuthorization(Policies.Provider).WithTags("Department APIs");
        manage.MapPost("/services", (RegisterServiceRequest r, ClaimsPrincipal user, ServiceApiCommands cmd, CancellationToken ct) =>
            Try(async () => Results.Ok(await cmd.RegisterAsync(user, r, ct)))).Produces<ServiceApiDto>().ProducesProblem(400);
        manage.MapGet("/services", async (ClaimsPrincipal user, ServiceApiCommands cmd, CancellationToken ct) => Results.Ok(await cmd.ListAsync(user, ct)))
            .Produces<List<ServiceApiDetail>>();
        manage.MapGet("/services/{code}", async (string code, ClaimsPrincipal user, ServiceApiCommands cmd, CancellationToken ct) =>
            await cmd.GetAsync(user, code, ct) is { } s ? Results.Ok(s) : NotFound()).Produces<ServiceApiDetail>().ProducesProblem(404);
        manage.MapPut("/services/{code}", (string code, RegisterServiceRequest r, ClaimsPrincipal user, ServiceApiCommands cmd, CancellationToken ct) =>
            Try(async () => await cmd.UpdateAsync(user, code, r, ct) is { } s ? Results.Ok(s) : NotFound()))
            .Produces<ServiceApiDto>().ProducesProblem(400).ProducesProblem(404);
        manage.MapGet("/apis/{code}/limits", async (string code, ClaimsPrincipal user, ApiLimits limits, CancellationToken ct) =>
            await limits.GetAsync(user, code, ct) is { } l ? Results.Ok(l) : NotFound()).Produces<ApiLimitsView>().ProducesProblem(404);
        manage.MapPut("/apis/{code}/limits", (string code, ApiLimitsRequest r, ClaimsPrincipal user, ApiLimits limits, CancellationToken ct) =>
            Try(async () => await limits.SetAsync(user, code, r, ct) ? Results.Ok(await limits.GetAsync(user, code, ct)) : NotFound()))
            .Produces<ApiLimitsView>().ProducesProblem(400).ProducesProblem(404);

        var admin = app.MapGroup("/api/v1/admin/api-upstreams").RequireAuthorization(Policies.Admin).WithTags("Admin");
        admin.MapGet("/", async (UpstreamAllowList list, CancellationToken ct) => Results.Ok(new AllowListResponse([.. (await list.HostsAsync(ct)).Order()])))
            .Produces<AllowListResponse>();
        admin.MapPut("/", (AllowListRequest r, ClaimsPrincipal user, UpstreamAllowList list, CancellationToken ct) => Try(async () =>
            await list.SaveAsync(user, r.Hosts ?? [], ct) ? Results.Ok(new AllowListResponse([.. (await list.HostsAsync(ct)).Order()]))
                : ProblemDefaults.Problem(403, "forbidden", "只有系统管理员可以修改白名单。"))).Produces<AllowListResponse>().ProducesProblem(400).ProducesProblem(403);

        var services = app.MapGroup("/api/v1/services/{code}").AddEndpointFilter<GatewayFilter>().WithTags("Department APIs").DisableAntiforgery();
        // The upstream system's own response, passed through as it came (its content type is the department's).
        services.MapMethods("/", ["GET", "POST"], Forward).WithSummary("转发到部门自建系统接口").ProducesFile("application/octet-stream")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(502).ProducesProblem(504);
    }

    private static async Task<IResult> Try(Func<Task<IResult>> work)
    {
        try { return await work(); }
        catch (AppValidationException e) { return ProblemDefaults.Problem(400, "invalid_" + e.Code, e.Message, new Dictionary<string, object?> { ["field"] = e.Code }); }
    }

    private static IResult NotFound() => ProblemDefaults.Problem(404, "not_found", "不存在或不属于您的单位。");

    private static async Task<IResult> Forward(HttpContext ctx, PortalDbContext db, UpstreamAllowList allowList, UpstreamForwarder forwarder,
        IOptions<DataApisOptions> options, CancellationToken ct)
    {
        var call = SignedCall.Of(ctx);
        var api = await db.ServiceApis.AsNoTracking().Where(s => s.Code == call.ApiCode && s.IsPublished)
            .Select(s => new { s.Method, s.UpstreamUrl }).FirstOrDefaultAsync(ct);
        if (api is null) return ProblemDefaults.Problem(404, GatewayProblems.NotFound, "接口不存在或已下线。");
        if (!string.Equals(api.Method, ctx.Request.Method, StringComparison.OrdinalIgnoreCase))
            return GatewayProblems.Bad($"该接口只接受 {api.Method} 请求。");
        var query = ctx.Request.QueryString.Value ?? "";
        var target = new UriBuilder(api.UpstreamUrl);
        if (query.Length > 1) target.Query = (target.Query.Length > 1 ? target.Query[1..] + "&" : "") + query[1..];
        try
        {
            using var res = await forwarder.SendAsync(api.Method, target.Uri, call.Body, ctx.Request.ContentType, await allowList.HostsAsync(ct), options.Value.UpstreamTimeout, ct);
            var bytes = await res.Content.ReadAsByteArrayAsync(ct);
            ctx.Response.StatusCode = (int)res.StatusCode;
            ctx.Response.ContentType = res.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
            await ctx.Response.Body.WriteAsync(bytes, ct);
            return Results.Empty;
        }
        catch (UpstreamRefusedException e) { return ProblemDefaults.Problem(502, GatewayProblems.UpstreamFailed, e.Message); }
        catch (HttpRequestException e) when (e.InnerException is UpstreamRefusedException r) { return ProblemDefaults.Problem(502, GatewayProblems.UpstreamFailed, r.Message); }
        catch (HttpRequestException) { return ProblemDefaults.Problem(502, GatewayProblems.UpstreamFailed, "上游系统无法连接。"); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return ProblemDefaults.Problem(504, GatewayProblems.UpstreamFailed, "上游系统响应超时。"); }
    }
}
