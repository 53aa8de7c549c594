using System.Globalization;

namespace OpenData.Web.Features.Datastore.Storage;

/// <summary>The few places where SQLite and PostgreSQL SQL differ for the datastore.</summary>
public abstract class SqlDialect
{
    public abstract string Qualify(string table);
    public abstract string SqlType(FieldType type);
    /// <summary>A typed value from <see cref="Typing.ValueConverter"/> as the database stores it.</summary>
    public abstract object ToDb(object value);
    public abstract string Contains(string column, string parameter);
    public abstract string Bucket(string column, DateBucket bucket);

    /// <summary>A stored value as the API shows it: numbers and booleans typed, dates as ISO text.</summary>
    public virtual object? FromDb(object? value, FieldType type)
    {
        if (value is null or DBNull) return null;
        if (value is long && type == FieldType.Integer) return value; // the common cases keep their box
        if (value is string && type == FieldType.Text) return value;
        return type switch
        {
            FieldType.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            FieldType.Decimal => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            FieldType.Boolean => value is bool b ? b : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
            FieldType.Date => value switch
            {
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => value.ToString(),
            },
            FieldType.DateTime => value is DateTime t ? t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) : value.ToString()!.Replace(' ', 'T'),
            _ => value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }
}

public enum DateBucket { None, Year, Month, Day }

public sealed class SqliteDialect : SqlDialect
{
    public override string Qualify(string table) => $"\"{DatastoreTables.Check(table)}\"";

    public override string SqlType(FieldType type) => type switch
    {
        FieldType.Integer or FieldType.Boolean => "INTEGER",
        FieldType.Decimal => "REAL",
        _ => "TEXT", // ISO dates sort and compare correctly as text
    };

    public override object ToDb(object value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? 1L : 0L,
        decimal m => (double)m,
        _ => value,
    };

    public override string Contains(string column, string parameter) => $"instr(CAST({column} AS TEXT), {parameter}) > 0";

    public override string Bucket(string column, DateBucket bucket) => bucket switch
    {
        DateBucket.Year => $"substr({column}, 1, 4)",
        DateBucket.Month => $"substr({column}, 1, 7)",
        DateBucket.Day => $"substr({column}, 1, 10)",
        _ => column,
    };
}

public sealed class PostgresDialect : SqlDialect
{
    public const string Schema = "datastore";
    public override string Qualify(string table) => $"{Schema}.\"{DatastoreTables.Check(table)}\"";

    public override string SqlType(FieldType type) => type switch
    {
        FieldType.Integer => "bigint",
        FieldType.Decimal => "numeric",
        FieldType.Date => "date",
        FieldType.DateTime => "timestamp without time zone",
        FieldType.Boolean => "boolean",
        _ => "text",
    };

    public override object ToDb(object value) => value;

    public override string Contains(string column, string parameter) => $"strpos({column}::text, {parameter}) > 0";

    public override string Bucket(string column, DateBucket bucket) => bucket switch
    {
        DateBucket.Year => $"to_char({column}, 'YYYY')",
        DateBucket.Month => $"to_char({column}, 'YYYY-MM')",
        DateBucket.Day => $"to_char({column}, 'YYYY-MM-DD')",
        _ => column,
    };
}
