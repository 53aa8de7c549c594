using System.Data.Common;
using OpenData.Web.Features.Datastore.Storage;
using OpenData.Web.Features.Datastore.Typing;

namespace OpenData.Web.Features.Datastore.Querying;

/// <summary>
/// Builds WHERE and ORDER BY from the filter model. Field names are looked up in the column map and
/// replaced by the generated column (c1..cN); values always travel as parameters converted to the
/// column's type, so a bad value is a clear 400 rather than a database error.
/// </summary>
internal sealed class SqlBuilder(SqlDialect dialect, IReadOnlyList<DatastoreColumn> columns, DbCommand command)
{
    private int _p;

    public DatastoreColumn Column(string field) =>
        columns.FirstOrDefault(c => c.Name == field)
        ?? throw new DatastoreQueryException($"未知的字段“{field}”。可用的字段：{string.Join("、", columns.Select(c => c.Name))}。");

    public string Where(IReadOnlyList<FieldFilter> filters)
    {
        if (filters.Count == 0) return "";
        return " WHERE " + string.Join(" AND ", filters.Select(Condition));
    }

    public string OrderBy(IReadOnlyList<FieldSort> sort) =>
        " ORDER BY " + string.Concat(sort.Select(s => $"{Column(s.Field).Column} {(s.Descending ? "DESC" : "ASC")} NULLS LAST, ")) + "_id";

    public string Parameter(object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = "@w" + _p++;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return p.ParameterName;
    }

    private string Condition(FieldFilter f)
    {
        var col = Column(f.Field);
        var c = col.Column;
        var op = f.Op.ToLowerInvariant();
        if (string.IsNullOrEmpty(f.Value) && op is "eq" or "ne") return op == "eq" ? $"{c} IS NULL" : $"{c} IS NOT NULL";
        return op switch
        {
            "eq" => $"{c} = {Parameter(Value(col, f.Value!))}",
            "ne" => $"({c} <> {Parameter(Value(col, f.Value!))} OR {c} IS NULL)",
            "gt" => $"{c} > {Parameter(Value(col, f.Value!))}",
            "gte" => $"{c} >= {Parameter(Value(col, f.Value!))}",
            "lt" => $"{c} < {Parameter(Value(col, f.Value!))}",
            "lte" => $"{c} <= {Parameter(Value(col, f.Value!))}",
            "in" => $"{c} IN ({string.Join(", ", InValues(col, f.Value!).Select(v => Parameter(v)))})",
            "contains" => dialect.Contains(c, Parameter(f.Value ?? "")),
            _ => throw new DatastoreQueryException($"不支持的筛选运算符“{f.Op}”。可用的运算符：{string.Join("、", FilterOperators.All)}。"),
        };
    }

    private IEnumerable<object> InValues(DatastoreColumn col, string list)
    {
        var items = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length is 0 or > 100) throw new DatastoreQueryException($"“{col.Name}”的 in 筛选需要 1 到 100 个用逗号分隔的值。");
        return items.Select(v => Value(col, v));
    }

    private object Value(DatastoreColumn col, string raw)
    {
        if (col.Type == FieldType.Text) return raw;
        try
        {
            var typed = ValueConverter.Convert(raw.Trim(), col, 0)
                ?? throw new DatastoreQueryException($"筛选值“{raw}”不是字段“{col.Name}”的有效{FieldTypeNames.Chinese(col.Type)}。");
            return dialect.ToDb(typed);
        }
        catch (DatastoreInputException)
        {
            throw new DatastoreQueryException($"筛选值“{raw}”不是字段“{col.Name}”的有效{FieldTypeNames.Chinese(col.Type)}。");
        }
    }
}
