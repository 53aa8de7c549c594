namespace OpenData.Web.Features.Datastore.Typing;

/// <summary>Converts cleaned cells to typed values for the writers; a value that does not fit is an error with row and column.</summary>
public static class ValueConverter
{
    public static object? Convert(string? raw, DatastoreColumn column, long row)
    {
        if (column.Type == FieldType.Text) return raw;
        if (ValueParsers.IsEmpty(raw)) return null;
        var v = raw!;
        object? result = column.Type switch
        {
            FieldType.Integer => ValueParsers.TryIntegerLenient(v, out var l) ? l : null,
            FieldType.Decimal => ValueParsers.TryDecimalLenient(v, out var d) ? d : null,
            FieldType.Boolean => ValueParsers.TryBoolean(v, out var b) ? b : null,
            FieldType.Date => ValueParsers.TryDate(v, compact: true, out var date) ? date : null,
            FieldType.DateTime => ValueParsers.TryDateTime(v, out var dt) ? dt
                : ValueParsers.TryDate(v, compact: true, out var day) ? day.ToDateTime(TimeOnly.MinValue) : null,
            FieldType.Month => ValueParsers.TryMonth(v, out var month) ? month : null,
            _ => v,
        };
        return result ?? throw new DatastoreInputException("ValueNotConvertible",
            $"第 {row} 行“{column.Name}”列的值“{(v.Length > 30 ? v[..30] + "…" : v)}”不是有效的{FieldTypeNames.Chinese(column.Type)}。"
            + $"请修改文件中的这个值后重新上传，或在字段字典中把“{column.Name}”的类型改为文本后重新加载。",
            row, column.Name);
    }
}
