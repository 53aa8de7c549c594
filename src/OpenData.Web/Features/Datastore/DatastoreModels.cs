namespace OpenData.Web.Features.Datastore;

/// <summary>The field types a provider sees in the field dictionary.</summary>
/// <summary>
/// Month (年月: 2013-12, 2013/12, 2013年12月) is stored as "yyyy-MM" text, which sorts chronologically on both
/// databases and groups as one value per month; it is appended so stored column lists keep their numbers.
/// </summary>
public enum FieldType { Text, Integer, Decimal, Date, DateTime, Boolean, Month }

/// <summary>
/// One column of a datastore table: the field name the provider and the API use (Chinese is fine),
/// its type, and the generated SQL column (c1..cN) so user text never becomes an SQL identifier.
/// </summary>
public sealed record DatastoreColumn(string Name, FieldType Type, string Column);

public sealed record IngestionProgress(string Stage, long Rows);

/// <summary>What went wrong, where and what to do, in Chinese for the provider.</summary>
public sealed record IngestionError(string Code, string Message, long? Row = null, string? Column = null);

public sealed record IngestionResult(
    bool Succeeded,
    string? TableName,
    IReadOnlyList<DatastoreColumn> Columns,
    long RowCount,
    IReadOnlyList<string> Warnings,
    IngestionError? Error,
    string? Unit = null)
{
    public static IngestionResult Failed(IngestionError error, IReadOnlyList<string>? warnings = null) =>
        new(false, null, [], 0, warnings ?? [], error);
}

/// <summary>
/// A bad file: thrown by readers, inference and conversion, turned into <see cref="IngestionError"/> by the runner.
/// Row is the 1-based row (line for CSV) in the original file.
/// </summary>
public sealed class DatastoreInputException(string code, string message, long? row = null, string? column = null)
    : Exception(message)
{
    public string Code { get; } = code;
    public long? Row { get; } = row;
    public string? Column { get; } = column;
    public IngestionError ToError() => new(Code, Message, Row, Column);
}

/// <summary>A query that names an unknown column or operator, or a value of the wrong type (HTTP 400).</summary>
public sealed class DatastoreQueryException(string message) : Exception(message);

public static class FieldTypeNames
{
    public static string Chinese(FieldType t) => t switch
    {
        FieldType.Integer => "整数",
        FieldType.Decimal => "小数",
        FieldType.Date => "日期",
        FieldType.DateTime => "日期时间",
        FieldType.Boolean => "是/否",
        FieldType.Month => "年月",
        _ => "文本",
    };
}
