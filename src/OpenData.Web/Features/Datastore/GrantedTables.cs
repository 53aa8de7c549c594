using OpenData.Web.Features.Datasets;
using OpenData.Web.Features.Datastore.Querying;

namespace OpenData.Web.Features.Datastore;

/// <summary>
/// A table narrowed to the fields a 受限数据 grant covers. Every reader takes its column list from the table, so
/// rows, profiles, aggregates, exports and the data API serve granted columns only; a filter, sort or grouping
/// on a withheld column is refused by name (rather than as an "unknown field", which would be confusing).
/// </summary>
public static class GrantedTables
{
    public static ResourceTable Within(this ResourceTable t, GrantScope scope) => scope.IsAll ? t : t with
    {
        Columns = t.Columns.Where(c => scope.Covers(c.Name)).ToList(),
        Withheld = [.. t.Withheld, .. t.Columns.Where(c => !scope.Covers(c.Name)).Select(c => c.Name)],
    };

    public static void Refuse(this ResourceTable t, RowQuery q) =>
        t.Refuse(q.Filters.Select(f => f.Field).Concat(q.Sort.Select(s => s.Field)));

    public static void Refuse(this ResourceTable t, AggregateQuery q) =>
        t.Refuse(q.Filters.Select(f => f.Field).Append(q.GroupBy).Append(q.MeasureField));

    public static void Refuse(this ResourceTable t, IEnumerable<string?> fields)
    {
        if (t.Withheld.Count == 0) return;
        if (fields.FirstOrDefault(f => f is not null && t.Withheld.Contains(f)) is { } name)
            throw new DatastoreQueryException($"字段“{name}”不在您的受限数据授权范围内，不能用于筛选、排序或统计。" +
                $"已授权的字段：{string.Join("、", t.Columns.Select(c => c.Name))}。如需更多字段，请重新提交受限数据申请。");
    }
}
