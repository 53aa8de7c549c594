using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Querying;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.DataApis.Gateway;

/// <summary>The signed data API: 总数接口, 分页接口 / 分页返回, and the POST query (api-signing.md).</summary>
public static class DataEndpoints
{
    public static void MapDataApiEndpoints(this IEndpointRouteBuilder app)
    {
        var data = app.MapGroup("/api/v1/data/{code}").AddEndpointFilter<GatewayFilter>().WithTags("Data API").DisableAntiforgery();
        data.MapGet("/count", (HttpContext ctx, CancellationToken ct) => Run(ctx, async (t, reader) =>
        {
            var q = DataQueryParser.FromQuery(SignedCall.Of(ctx).Query, paged: false);
            t.Refuse(q);
            return Results.Ok(new CountResponse(await reader.CountAsync(t.TableName, t.Columns, q.Filters, ct)));
        }, ct)).WithSummary("总数接口：符合筛选条件的记录数").Produces<CountResponse>().ProducesProblem(400).ProducesProblem(403);
        data.MapGet("/records", (HttpContext ctx, CancellationToken ct) => Run(ctx, (t, reader) =>
            Page(reader, t, DataQueryParser.FromQuery(SignedCall.Of(ctx).Query, paged: true), ct), ct))
            .WithSummary("分页接口（includeTotal=true 为分页返回）").Produces<RecordsResponse>().ProducesProblem(400).ProducesProblem(403);
        data.MapPost("/query", (HttpContext ctx, CancellationToken ct) => Run(ctx, (t, reader) =>
            Page(reader, t, DataQueryParser.FromBody(SignedCall.Of(ctx).Body), ct), ct))
            .WithSummary("查询接口：JSON 请求体中的筛选、排序和分页").Produces<RecordsResponse>().ProducesProblem(400).ProducesProblem(403);
    }

    private static async Task<IResult> Page(DatastoreReader reader, ResourceTable t, RowQuery q, CancellationToken ct)
    {
        DataQueryParser.Validate(q);
        t.Refuse(q);
        var page = await reader.QueryAsync(t.TableName, t.Columns, q, ct);
        return Results.Ok(new RecordsResponse(page.Page, page.PageSize, page.Rows, page.Total,
            page.Total is { } n ? (long)Math.Ceiling(n / (double)page.PageSize) : null));
    }

    private static async Task<IResult> Run(HttpContext ctx, Func<ResourceTable, DatastoreReader, Task<IResult>> work, CancellationToken ct)
    {
        var code = SignedCall.Of(ctx).ApiCode;
        var table = await ctx.RequestServices.GetRequiredService<GatewayCache>().TableAsync(code, async () =>
        {
            var db = ctx.RequestServices.GetRequiredService<PortalDbContext>();
            var resourceId = await db.Resources.AsNoTracking().Where(r => r.ApiCode == code && r.Dataset!.IsPublished)
                .Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
            var tables = ctx.RequestServices.GetService<IResourceTables>();
            return resourceId is { } id && tables is not null ? await tables.CurrentAsync(id, ct) : null;
        });
        if (table is null) return ProblemDefaults.Problem(404, GatewayProblems.NotFound, $"接口“{code}”不存在，或其数据尚未入库。");
        // A 有条件开放 API serves the columns the app's grant covers; the cached table itself stays whole.
        if (SignedCall.Of(ctx).Scope is { } scope) table = table.Within(scope);
        var reader = ctx.RequestServices.GetRequiredService<DatastoreReader>();
        try { return await ctx.RequestServices.GetRequiredService<QueryGate>().RunAsync(() => work(table, reader), ct); }
        catch (GatewayInputException e) { return GatewayProblems.Bad(e.Message); }
        catch (DatastoreQueryException e) { return GatewayProblems.Bad(e.Message); }
    }
}

public sealed record CountResponse(long Total);

public sealed record RecordsResponse(int Page, int PageSize, IReadOnlyList<DataRow> Records,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] long? Total,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] long? PageCount);
