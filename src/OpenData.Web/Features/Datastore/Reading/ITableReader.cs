namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>One physical row of a file: its 1-based row number (the line where a CSV record starts) and raw cells.</summary>
public readonly record struct RawRow(long Number, string?[] Cells);

/// <summary>
/// A file format turned into a uniform stream of rows. Readers only split cells; header detection,
/// trimming and typing happen once for all formats in <see cref="TableShaper"/> and the inference.
/// Dates stored as numbers with a date format (Excel serials) come out as ISO text so inference sees dates.
/// </summary>
public interface ITableReader
{
    /// <summary>Warnings noticed while reading (encoding, delimiter, merged cells), in Chinese.</summary>
    IReadOnlyList<string> Notes { get; }
    IEnumerable<RawRow> ReadRows(Stream file, CancellationToken ct);
}
