using OpenData.Web.Features.Datastore.Querying;
using OpenData.Web.Features.Datastore.Storage;

namespace OpenData.Web.Features.Datastore;

/// <summary>
/// The query-string form of the preview and analysis requests, shared by the JSON API and the pages:
/// every key that is not a named parameter is a filter ("字段=v", "字段__gte=v", see api-signing.md).
/// </summary>
public static class DataRequests
{
    public static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "page", "pageSize", "sort", "version", "resource", "groupBy", "bucket", "measure", "column", "top", "chart",
        "format", "acceptAgreement",
        // The analysis page's condition rows (field, operator, value), turned into filters by ConditionFilters.
        "f1", "o1", "v1", "f2", "o2", "v2", "f3", "o3", "v3",
    };

    public static List<FieldFilter> ConditionFilters(Func<string, string?> q)
    {
        var list = new List<FieldFilter>();
        for (var i = 1; i <= 3; i++)
            if (q($"f{i}") is { Length: > 0 } f && q($"v{i}") is { Length: > 0 } v) list.Add(new FieldFilter(f, q($"o{i}") ?? "eq", v));
        return list;
    }

    public static readonly (string Op, string Label)[] OperatorLabels =
        [("eq", "等于"), ("ne", "不等于"), ("gt", "大于"), ("gte", "大于等于"), ("lt", "小于"), ("lte", "小于等于"), ("contains", "包含"), ("in", "属于（逗号分隔）")];

    /// <summary>Empty values are skipped so a GET form's blank filter inputs mean "no filter".</summary>
    public static List<FieldFilter> Filters(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query) =>
        FilterOperators.FromQuery(query.Where(q => !string.IsNullOrWhiteSpace(q.Value.ToString()))
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())), Reserved);

    public static DateBucket Bucket(string? s) => (s ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "none" => DateBucket.None,
        "year" => DateBucket.Year,
        "month" => DateBucket.Month,
        "day" => DateBucket.Day,
        _ => throw new DatastoreQueryException($"bucket 应为 year、month 或 day（收到“{s}”）。"),
    };

    public static Measure Measure(string? s) => (s ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "count" => Querying.Measure.Count,
        "sum" => Querying.Measure.Sum,
        "avg" or "average" => Querying.Measure.Avg,
        "min" => Querying.Measure.Min,
        "max" => Querying.Measure.Max,
        _ => throw new DatastoreQueryException($"measure 应为 count、sum、avg、min 或 max（收到“{s}”）。"),
    };

    public static AggregateQuery Aggregate(string? groupBy, string? bucket, string? measure, string? column, int? top, List<FieldFilter> filters)
    {
        if (string.IsNullOrWhiteSpace(groupBy)) throw new DatastoreQueryException("请指定分组字段（groupBy）。");
        return new AggregateQuery(groupBy.Trim(), Bucket(bucket), Measure(measure), string.IsNullOrWhiteSpace(column) ? null : column.Trim(), top ?? 20, filters);
    }

    public static string MeasureLabel(Measure m) => m switch
    {
        Querying.Measure.Sum => "合计", Querying.Measure.Avg => "平均值", Querying.Measure.Min => "最小值",
        Querying.Measure.Max => "最大值", _ => "记录数",
    };

    public static string TypeName(FieldType t) => t.ToString().ToLowerInvariant();
}

public sealed record FieldDto(string Name, string Type, string TypeLabel);

public sealed record RowsDto(IReadOnlyList<IReadOnlyDictionary<string, object?>> Items, long? Total, int Page, int PageSize, int Version, IReadOnlyList<FieldDto> Fields);

public sealed record ProfileDto(string Name, string Type, string TypeLabel, long Rows, long EmptyCount, long DistinctCount, object? Min, object? Max, IReadOnlyList<object?> Examples);

public sealed record AggregateDto(string GroupBy, string Bucket, string Measure, string? Column, int Version, IReadOnlyList<AggregateRow> Items);
