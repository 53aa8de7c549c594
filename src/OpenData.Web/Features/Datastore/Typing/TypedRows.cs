using System.Runtime.CompilerServices;
using System.Collections;
using OpenData.Web.Features.Datastore.Reading;
using OpenData.Web.Features.Datastore.Storage;

namespace OpenData.Web.Features.Datastore.Typing;

/// <summary>
/// The rows of a load, sample first, as object rows (SQLite, other formats) or written straight into a sink
/// (PostgreSQL). With a CSV <paramref name="tokenizer"/>, the rows after the sample are read from it directly
/// (ADR 0012): a plain row goes from the file's bytes to the sink; any other row is turned into strings and
/// shaped and converted exactly as before, so the table is the same either way.
/// </summary>
internal sealed class TypedRows(List<RawRow> sample, IEnumerator<RawRow> rest, RowConverter converter,
    ShapedTable shaped, Utf8CsvTokenizer? tokenizer) : IDirectRows
{
    private int _next;
    private bool _done;

    public IEnumerator<object?[]> GetEnumerator() => Objects().GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<object?[]> Objects()
    {
        foreach (var row in sample) yield return converter.Convert(row);
        using (rest)
            while (Next(rest)) yield return converter.Convert(rest.Current);
        converter.Finish();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool WriteNext(IRowSink sink)
    {
        if (_next < sample.Count) { converter.Write(sample[_next++], sink); return true; }
        if (_done) return false;
        try
        {
            if (tokenizer is null ? WriteRest(sink) : WriteBytes(tokenizer, sink)) return true;
        }
        catch
        {
            // As the object rows' iterator does: the reader (and a transcoding stream) is released on failure too.
            _done = true;
            rest.Dispose();
            throw;
        }
        _done = true;
        rest.Dispose();
        converter.Finish();
        return false;
    }

    private bool WriteRest(IRowSink sink)
    {
        if (!Next(rest)) return false;
        converter.Write(rest.Current, sink);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool WriteBytes(Utf8CsvTokenizer t, IRowSink sink)
    {
        while (Next(t))
        {
            if (shaped.Plain(t)) { converter.Write(t, sink); return true; }
            if (shaped.Accept(t.Strings(), t.Number) is { } row) { converter.Write(row, sink); return true; }
        }
        return false;
    }

    /// <summary>A reader failure in the middle of the load is still a broken file, not a broken platform.</summary>
    private static bool Next(Utf8CsvTokenizer t)
    {
        try { return t.Next(); }
        catch (Exception e) when (IsReaderFailure(e)) { throw new InvalidDataException(e.Message, e); }
    }

    private static bool Next(IEnumerator<RawRow> rows)
    {
        try { return rows.MoveNext(); }
        catch (Exception e) when (IsReaderFailure(e)) { throw new InvalidDataException(e.Message, e); }
    }

    /// <summary>Not already the file's own error, a cancellation, or the signal to reload as GB18030.</summary>
    private static bool IsReaderFailure(Exception e) => e is not (DatastoreInputException or OperationCanceledException or EncodingGuessMiss);
}
