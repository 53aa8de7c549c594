namespace OpenData.Web.Features.Datastore.Querying;

/// <summary>One filter of the api-signing.md filter model: field name of the dictionary, operator, value.</summary>
public sealed record FieldFilter(string Field, string Op, string? Value);

public sealed record FieldSort(string Field, bool Descending);

public sealed record RowQuery(IReadOnlyList<FieldFilter> Filters, IReadOnlyList<FieldSort> Sort, int Page = 1, int PageSize = 20, bool IncludeTotal = false)
{
    public const int MaxPageSize = 1000;
}

/// <summary>A page of rows, each a field name → value map in field order.</summary>
public sealed record RowPage(IReadOnlyList<DataRow> Rows, int Page, int PageSize, long? Total);

public sealed record ColumnProfile(string Name, FieldType Type, long Rows, long EmptyCount, long DistinctCount, object? Min, object? Max, IReadOnlyList<object?> Examples);

public enum Measure { Count, Sum, Avg, Min, Max }

public sealed record AggregateQuery(string GroupBy, Storage.DateBucket Bucket, Measure Measure, string? MeasureField, int Top, IReadOnlyList<FieldFilter> Filters)
{
    public const int MaxTop = 1000;
}

public sealed record AggregateRow(object? Key, object? Value);

public static class FilterOperators
{
    public static readonly string[] All = ["eq", "ne", "gt", "gte", "lt", "lte", "in", "contains"];

    /// <summary>Query-string form: "字段=v" is eq, "字段__gte=v" etc.; keys in <paramref name="reserved"/> (page, sort…) are skipped.</summary>
    public static List<FieldFilter> FromQuery(IEnumerable<KeyValuePair<string, string?>> query, ISet<string> reserved)
    {
        var filters = new List<FieldFilter>();
        foreach (var (key, value) in query)
        {
            if (reserved.Contains(key)) continue;
            var at = key.LastIndexOf("__", StringComparison.Ordinal);
            filters.Add(at > 0 ? new FieldFilter(key[..at], key[(at + 2)..], value) : new FieldFilter(key, "eq", value));
        }
        return filters;
    }

    /// <summary>"字段" or "字段:desc", comma separated.</summary>
    public static List<FieldSort> ParseSort(string? sort) =>
        string.IsNullOrWhiteSpace(sort) ? [] : sort.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.EndsWith(":desc", StringComparison.OrdinalIgnoreCase) ? new FieldSort(s[..^5], true)
                : s.EndsWith(":asc", StringComparison.OrdinalIgnoreCase) ? new FieldSort(s[..^4], false) : new FieldSort(s, false))
            .ToList();
}
