using System.Security.Claims;
using OpenData.Web.Features.Datastore.Export;
using OpenData.Web.Features.Datastore.Querying;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Datastore;

/// <summary>Preview rows, column profile and aggregation of a resource's served table (public where the data is public).</summary>
public static class DataEndpoints
{
    public static void MapDataEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/datasets/{slug}/resources/{id:int}").WithTags("Datastore");
        api.MapGet("/rows", Rows).Produces<RowsDto>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/profile", Profile).Produces<List<ProfileDto>>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/aggregate", Aggregate).Produces<AggregateDto>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/aggregate.csv", AggregateCsv).ProducesFile("text/csv").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
    }

    private static async Task<IResult> Rows(string slug, int id, int? page, int? pageSize, string? sort, int? version,
        HttpRequest request, ClaimsPrincipal user, ResourceData data, CancellationToken ct)
    {
        var access = await data.OpenAsync(slug, id, version, user, ct);
        if (!access.Ok) return Problem(access);
        var t = access.Table!;
        return await Guard(async () =>
        {
            var q = new RowQuery(DataRequests.Filters(request.Query), FilterOperators.ParseSort(sort), page ?? 1, pageSize ?? 20, IncludeTotal: true);
            var rows = await data.RowsAsync(t, q, ct);
            return Results.Ok(new RowsDto(rows.Rows, rows.Total, rows.Page, rows.PageSize, t.VersionNumber, Fields(t)));
        });
    }

    private static async Task<IResult> Profile(string slug, int id, int? version, ClaimsPrincipal user, ResourceData data, CancellationToken ct)
    {
        var access = await data.OpenAsync(slug, id, version, user, ct);
        if (!access.Ok) return Problem(access);
        var profiles = await data.ProfileAsync(access.Table!, ct);
        return Results.Ok(profiles.Select(p => new ProfileDto(p.Name, DataRequests.TypeName(p.Type), FieldTypeNames.Chinese(p.Type),
            p.Rows, p.EmptyCount, p.DistinctCount, p.Min, p.Max, p.Examples)).ToList());
    }

    private static async Task<IResult> Aggregate(string slug, int id, string? groupBy, string? bucket, string? measure, string? column, int? top,
        int? version, HttpRequest request, ClaimsPrincipal user, ResourceData data, CancellationToken ct)
    {
        var access = await data.OpenAsync(slug, id, version, user, ct);
        if (!access.Ok) return Problem(access);
        return await Guard(async () =>
        {
            var q = DataRequests.Aggregate(groupBy, bucket, measure, column, top, DataRequests.Filters(request.Query));
            var rows = await data.AggregateAsync(access.Table!, q, ct);
            return Results.Ok(new AggregateDto(q.GroupBy, q.Bucket.ToString().ToLowerInvariant(), q.Measure.ToString().ToLowerInvariant(),
                q.MeasureField, access.Table!.VersionNumber, rows));
        });
    }

    /// <summary>The analysis result as CSV (UTF-8 with BOM, like every CSV the platform writes).</summary>
    private static async Task<IResult> AggregateCsv(string slug, int id, string? groupBy, string? bucket, string? measure, string? column, int? top,
        int? version, HttpRequest request, ClaimsPrincipal user, ResourceData data, CancellationToken ct)
    {
        var access = await data.OpenAsync(slug, id, version, user, ct);
        if (!access.Ok) return Problem(access);
        return await Guard(async () =>
        {
            var filters = DataRequests.Filters(request.Query);
            filters.AddRange(DataRequests.ConditionFilters(k => request.Query[k].ToString() is { Length: > 0 } v ? v : null));
            var q = DataRequests.Aggregate(groupBy, bucket, measure, column, top, filters);
            var rows = await data.AggregateAsync(access.Table!, q, ct);
            var valueName = q.MeasureField is null ? DataRequests.MeasureLabel(q.Measure) : $"{q.MeasureField}（{DataRequests.MeasureLabel(q.Measure)}）";
            DatastoreColumn[] columns = [new(q.GroupBy, FieldType.Text, "c1"), new(valueName, FieldType.Decimal, "c2")];
            var name = $"{access.ResourceName}-分析.csv";
            return TypedResults.Stream(s => ExportWriters.CsvAsync(s, columns, Async(rows.Select(r => new[] { r.Key, r.Value })), CancellationToken.None),
                ExportWriters.ContentType(ExportFormat.Csv), name);
        });
    }

    public static List<FieldDto> Fields(ResourceTable t) =>
        t.Columns.Select(c => new FieldDto(c.Name, DataRequests.TypeName(c.Type), FieldTypeNames.Chinese(c.Type))).ToList();

    private static async Task<IResult> Guard(Func<Task<IResult>> body)
    {
        try { return await body(); }
        catch (DatastoreQueryException e) { return ProblemDefaults.Problem(400, "invalid-query", e.Message); }
    }

    private static IResult Problem(ResourceAccess a) => ProblemDefaults.Problem(a.Status, a.Code ?? "not-found", a.Message ?? "数据不存在");

    private static async IAsyncEnumerable<object?[]> Async(IEnumerable<object?[]> rows)
    {
        foreach (var r in rows) yield return r;
        await Task.CompletedTask;
    }
}
