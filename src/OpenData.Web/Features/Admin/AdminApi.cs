using System.Security.Claims;
using OpenData.Web.Features.Admin.Audit;
using OpenData.Web.Features.Admin.Users;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Admin;

/// <summary>The back office's JSON routes and the audit CSV export. Each carries its policy as endpoint metadata,
/// which the route-guard test reads to check every admin route against the right roles.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin").WithTags("Admin");
        api.MapGet("/users", async (string? q, string? role, string? org, string? status, string? from, string? to, int? page, int? pageSize,
                ClaimsPrincipal user, UserAdminQueries users, TimeProvider clock, CancellationToken ct) =>
            await users.SearchAsync(new UserFilter(q, role, org, status, AuditQueries.Date(from), AuditQueries.Date(to), page ?? 1, pageSize ?? 20),
                user, clock.GetUtcNow(), ct) is { } result ? Results.Ok(result) : Results.Forbid())
            .RequireAuthorization(Policies.Admin).Produces<Paged<UserRow>>().ProducesProblem(403);
        api.MapGet("/audit", async (string? actor, string? action, string? target, string? from, string? to, int? page, int? pageSize,
                ClaimsPrincipal user, AuditQueries audit, CancellationToken ct) =>
            await audit.SearchAsync(Filter(actor, action, target, from, to, page, pageSize), user, ct) is { } result ? Results.Ok(result) : Results.Forbid())
            .RequireAuthorization(Policies.Auditor).Produces<Paged<AuditRow>>().ProducesProblem(403);
        app.MapGet("/admin/audit/export", async (string? actor, string? action, string? target, string? from, string? to,
                ClaimsPrincipal user, AuditQueries audit, TimeProvider clock, CancellationToken ct) =>
            await audit.ExportCsvAsync(Filter(actor, action, target, from, to, 1, 1), user, ct) is { } csv
                ? Results.File(csv, "text/csv; charset=utf-8", $"audit-{OpenData.Web.Infrastructure.Web.ChinaTime.Today(clock):yyyyMMdd}.csv")
                : Results.Forbid())
            .RequireAuthorization(Policies.Auditor).ProducesFile("text/csv").ProducesProblem(403);
        return app;
    }

    private static AuditFilter Filter(string? actor, string? action, string? target, string? from, string? to, int? page, int? pageSize) =>
        new(actor, action, target, AuditQueries.Date(from), AuditQueries.Date(to), page ?? 1, pageSize ?? 50);
}
