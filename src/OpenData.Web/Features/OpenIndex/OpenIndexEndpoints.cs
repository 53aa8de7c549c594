using System.Security.Claims;
using System.Text;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.OpenIndex;

public static class OpenIndexEndpoints
{
    public static void MapOpenIndexEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/open-index", async (string? from, string? to, string? range, string? department, ClaimsPrincipal user,
                OpenIndexQueries queries, CancellationToken ct) =>
            await queries.ForAsync(range, from, to, department, user, ct) is var o && o.Report is { } report ? Results.Ok(report) : Problem(o))
            .WithTags("OpenIndex")
            .Produces<OpenIndexReport>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404)
            .WithSummary("开放指数：from、to 为日期（yyyy-MM-dd，含两端，跨度不超过 5 年），或 range = 7d|30d|1y（默认 30d）；department 为部门编码（需该部门的数据提供方或平台管理员）");

        // CSV of one table, as the page shows it; a UTF-8 BOM so that Excel opens the Chinese text correctly.
        app.MapGet("/open-index/export/{table}.csv", async (string table, string? from, string? to, string? range, string? department,
            ClaimsPrincipal user, OpenIndexQueries queries, CancellationToken ct) =>
        {
            var outcome = await queries.ForAsync(range, from, to, department, user, ct);
            if (outcome.Report is null) return Problem(outcome);
            var t = OpenIndexTables.From(outcome.Report).FirstOrDefault(x => x.Id == table);
            if (t is null) return ProblemDefaults.Problem(404, "unknown-table", $"没有名为“{(table.Length > 40 ? table[..40] : table)}”的统计表");
            var name = $"开放指数-{t.Title}-{outcome.Report.From}-{outcome.Report.To}.csv";
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(OpenIndexTables.Csv(t))).ToArray(), "text/csv; charset=utf-8", name);
        }).ExcludeFromDescription();

        app.MapPost("/api/v1/admin/open-index/rollup", async (AccessRollup rollup, CancellationToken ct) =>
            {
                var r = await rollup.RunAsync(onDemand: true, ct);
                return Results.Ok(new RollupRun(r.Events, (long)r.Took.TotalMilliseconds));
            })
            .RequireAuthorization(Policies.Admin).WithTags("Admin")
            .Produces<RollupRun>().ProducesProblem(401).ProducesProblem(403)
            .WithSummary("立即汇总访问事件到每日统计表（通常每隔几分钟自动进行）");
    }

    /// <summary>What an on-demand rollup did: events folded into the daily tables, and how long it took.</summary>
    public sealed record RollupRun(long Events, long Milliseconds);

    private static IResult Problem(OpenIndexOutcome o) => ProblemDefaults.Problem(o.Status, o.Code ?? "error", o.Message ?? "请求无效");
}
