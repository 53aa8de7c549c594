namespace OpenData.Web.Features.Datastore.Storage;

/// <summary>
/// A writer that takes a row's values one by one in column order, typed and unboxed (ADR 0012): the CSV byte
/// path writes numbers as numbers and text as the file's own UTF-8 bytes, without an <c>object?[]</c> per row.
/// </summary>
public interface IRowSink
{
    void BeginRow();
    void Null();
    void Integer(long value);
    void Decimal(decimal value);
    void Date(DateOnly value);
    void DateTime(DateTime value);
    void Boolean(bool value);
    /// <summary>Text as valid UTF-8.</summary>
    void Text(ReadOnlySpan<byte> utf8);
    void Text(string value);

    /// <summary>A boxed value as the object rows carry it (null, long, decimal, DateOnly, DateTime, bool or string).</summary>
    void Value(object? value)
    {
        switch (value)
        {
            case null: Null(); break;
            case long l: Integer(l); break;
            case decimal d: Decimal(d); break;
            case DateOnly d: Date(d); break;
            case DateTime t: DateTime(t); break;
            case bool b: Boolean(b); break;
            case string s: Text(s); break;
            default: throw new InvalidOperationException($"unexpected value type {value.GetType()}");
        }
    }
}

/// <summary>
/// Rows that can also write themselves into an <see cref="IRowSink"/>: a datastore that has a sink (PostgreSQL's
/// binary COPY) pulls them this way, any other enumerates the object rows. Both give the same table.
/// </summary>
public interface IDirectRows : IEnumerable<object?[]>
{
    /// <summary>Writes the next row into <paramref name="sink"/> (starting with <see cref="IRowSink.BeginRow"/>); false after the last.</summary>
    bool WriteNext(IRowSink sink);
}
