using System.Text;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Reading;

namespace OpenData.UnitTests.Features.Datastore;

/// <summary>
/// ADR 0012: the byte tokenizer must split every file exactly like the former char parser (kept as
/// <see cref="ReferenceCsvParser"/>): same rows, cells, line numbers and errors, wherever the reads and the
/// buffer end fall (tiny buffers and reads of a few bytes put a boundary inside every construct).
/// </summary>
public class Utf8CsvTokenizerTests
{
    // Quotes, delimiters, CR, LF, spaces, 2-, 3- and 4-byte characters (𠀀 is a surrogate pair in UTF-16).
    private static readonly string[] Pieces = ["a", "b", "12", ",", ";", "\"", "\"\"", "\n", "\r", "\r\n", " ", "中", "é", "𠀀", "\u3000", "-"];

    private static string RandomCsv(Random random, int pieces)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pieces; i++) sb.Append(Pieces[random.Next(Pieces.Length)]);
        return sb.ToString();
    }

    private static string Outcome(IEnumerable<RawRow> rows)
    {
        var sb = new StringBuilder();
        try
        {
            foreach (var r in rows) sb.Append(r.Number).Append(':').AppendJoin('|', r.Cells.Select(c => $"[{c}]")).Append('\n');
        }
        catch (DatastoreInputException e) { sb.Append($"{e.Code} {e.Row} {e.Column} {e.Message}"); }
        return sb.ToString();
    }

    private static IEnumerable<RawRow> Tokenize(byte[] bytes, char delimiter, int maxCell, int read, int buffer)
    {
        var t = new Utf8CsvTokenizer(new Trickle(bytes, read), (byte)delimiter, maxCell, buffer);
        while (t.Next()) yield return new RawRow(t.Number, t.Strings());
    }

    [Theory]
    [InlineData(1, 1, 8)]
    [InlineData(2, 3, 16)]
    [InlineData(3, 7, 64)]
    [InlineData(4, 1 << 16, 1 << 16)]
    public void Random_files_split_exactly_like_the_reference_parser(int seed, int read, int buffer)
    {
        var random = new Random(seed);
        for (var n = 0; n < 400; n++)
        {
            var text = RandomCsv(random, random.Next(1, 60));
            var maxCell = n % 3 == 0 ? 4 : 1000; // small limits make CellTooLong reachable
            var expected = Outcome(new ReferenceCsvParser(maxCell).Rows(text, ',', CancellationToken.None));
            var actual = Outcome(Tokenize(Encoding.UTF8.GetBytes(text), ',', maxCell, read, buffer));
            Assert.True(expected == actual, $"input {Escape(text)}\nexpected:\n{expected}\nactual:\n{actual}");
        }
    }

    [Fact]
    public void A_four_byte_character_and_a_crlf_split_by_the_buffer_end_stay_whole()
    {
        // 8-byte buffer, reads of 3: "𠀀" (F0 A0 80 80) and "\r\n" both straddle a read boundary somewhere.
        var text = "ab,𠀀x\r\n\"q,𠀀\"\"\",c\r\n" + string.Concat(Enumerable.Repeat("xyz,𠀀\r\n", 20));
        var expected = Outcome(new ReferenceCsvParser(100).Rows(text, ',', CancellationToken.None));
        for (var read = 1; read <= 9; read++)
            Assert.Equal(expected, Outcome(Tokenize(Encoding.UTF8.GetBytes(text), ',', 100, read, 8)));
        Assert.Contains("2:[q,𠀀\"]|[c]", expected);
        Assert.Equal(22, expected.Count(c => c == '\n'));
    }

    [Fact]
    public void A_runaway_quote_stops_at_the_cell_limit_without_reading_the_whole_file()
    {
        var text = "a,b\n\"" + new string('x', 1_000_000);
        var expected = Outcome(new ReferenceCsvParser(1000).Rows(text, ',', CancellationToken.None));
        var stream = new Trickle(Encoding.UTF8.GetBytes(text), 1 << 16);
        var t = new Utf8CsvTokenizer(stream, (byte)',', 1000, 1 << 10);
        IEnumerable<RawRow> Rows() { while (t.Next()) yield return new RawRow(t.Number, t.Strings()); }
        Assert.Equal(expected, Outcome(Rows()));
        Assert.StartsWith("1:[a]|[b]\nCellTooLong 2 第 1 列", expected);
        Assert.True(stream.Position < 200_000, $"read {stream.Position} bytes");
    }

    private static string Escape(string s) => s.Replace("\r", "\\r").Replace("\n", "\\n");

    /// <summary>A stream that hands out at most <paramref name="chunk"/> bytes per read, like a slow upload.</summary>
    private sealed class Trickle(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
