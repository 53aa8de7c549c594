using System.Runtime.CompilerServices;
using System.Text;
using OpenData.Web.Features.Datastore.Reading;
using OpenData.Web.Features.Datastore.Storage;

namespace OpenData.Web.Features.Datastore.Typing;

/// <summary>
/// Converts shaped rows to typed values for the writers while carrying on the type inference (ADR 0011).
/// A column whose type was inferred from a sample keeps observing every value; the moment a value would
/// widen its type, the load is abandoned with <see cref="TypeSpeculationMiss"/> (its transaction rolls back)
/// and the caller reloads with the types of a full inference pass. A column empty in the sample is loaded as
/// text and checked at the end, since a later text value can still keep it text. Columns the provider typed
/// are converted leniently and a bad value is the provider's error, with row and column.
/// </summary>
internal sealed class RowConverter(IReadOnlyList<DatastoreColumn> columns, ColumnTyper?[] inferred)
{
    // Text columns seen in the sample stay text whatever comes; only the ones empty so far need watching.
    private readonly bool[] _watch = inferred.Select(t => t is { Seen: false }).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public object?[] Convert(RawRow row)
    {
        var values = new object?[columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var raw = row.Cells[i];
            var type = columns[i].Type;
            if (inferred[i] is not { } typer) { values[i] = ValueConverter.Convert(raw, columns[i], row.Number); continue; }
            if (ValueParsers.IsEmpty(raw)) { values[i] = type == FieldType.Text ? raw : null; continue; }
            if (type == FieldType.Text)
            {
                if (_watch[i]) typer.Observe(raw!);
                values[i] = raw;
                continue;
            }
            typer.Observe(raw!);
            if (typer.Type != type) throw new TypeSpeculationMiss(columns[i].Name, row.Number);
            values[i] = typer.Value(type);
        }
        return values;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(RawRow row, IRowSink sink)
    {
        var values = Convert(row);
        sink.BeginRow();
        foreach (var v in values) sink.Value(v);
    }

    /// <summary>
    /// <see cref="Convert"/> over the tokenizer's current row, which <see cref="ShapedTable.Plain"/> found needs no
    /// cleaning (ADR 0012): text goes to the sink as the file's bytes; a value to type or watch is transcoded into a
    /// stack buffer for the same span parsers, so the types, values and misses are exactly those of the string path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(Utf8CsvTokenizer t, IRowSink sink)
    {
        sink.BeginRow();
        Span<char> chars = stackalloc char[128];
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = t.Cell(i);
            var type = columns[i].Type;
            if (inferred[i] is not { } typer) { sink.Value(ValueConverter.Convert(cell.IsEmpty ? null : Encoding.UTF8.GetString(cell), columns[i], t.Number)); continue; }
            if (cell.IsEmpty) { sink.Null(); continue; }
            if (type == FieldType.Text && !_watch[i]) { sink.Text(cell); continue; }
            ReadOnlySpan<char> v = cell.Length <= chars.Length ? chars[..Encoding.UTF8.GetChars(cell, chars)] : Encoding.UTF8.GetString(cell);
            if (type == FieldType.Text)
            {
                if (!ValueParsers.IsEmpty(v)) typer.Observe(v);
                sink.Text(cell);
                continue;
            }
            if (ValueParsers.IsEmpty(v)) { sink.Null(); continue; }
            typer.Observe(v);
            if (typer.Type != type) throw new TypeSpeculationMiss(columns[i].Name, t.Number);
            typer.Write(type, sink);
        }
    }

    /// <summary>After the last row: a column empty in the sample but typed by later values must be reloaded.</summary>
    public void Finish()
    {
        for (var i = 0; i < inferred.Length; i++)
            if (inferred[i] is { } t && columns[i].Type != t.Type) throw new TypeSpeculationMiss(columns[i].Name, null);
    }
}

/// <summary>A later value does not fit the type inferred from the sample: not an error, a reason to reload.</summary>
internal sealed class TypeSpeculationMiss(string column, long? row)
    : Exception($"column {column} widened at row {row?.ToString() ?? "end"}");
