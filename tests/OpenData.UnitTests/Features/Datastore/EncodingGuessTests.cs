using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Reading;
using OpenData.Web.Features.Datastore.Storage;

namespace OpenData.UnitTests.Features.Datastore;

/// <summary>
/// A file longer than TextEncodingDetector.HeadBytes is taken for UTF-8 from its beginning; its rows are checked as
/// the load reads them. A GBK file whose first megabytes happen to be plain ASCII must still come out as GBK (the
/// load rolls back and runs again), both as SQLite takes rows and as PostgreSQL's byte path takes them.
/// </summary>
public class EncodingGuessTests
{
    private static byte[] File(Encoding encoding, int chineseFromRow)
    {
        var sb = new StringBuilder("编号,区县,数值,备注\n");
        var rows = 260_000; // about 7 MB: the Chinese rows start past the head
        for (var i = 1; i <= rows; i++)
            sb.Append(i).Append(',').Append(i >= chineseFromRow ? "景宁畲族自治县" : "Liandu").Append(',').Append(i % 97).Append(",ok-").Append(i).Append('\n');
        // The header is Chinese too: keep the first rows ASCII-only in bytes by writing the header in ASCII for GBK.
        var text = sb.ToString();
        return encoding.GetBytes(encoding.CodePage == 65001 ? text : text.Replace("编号,区县,数值,备注", "id,county,value,note"));
    }

    public static TheoryData<bool> Paths => new() { false, true };

    [Theory, MemberData(nameof(Paths))]
    public async Task A_gbk_file_that_starts_as_plain_ascii_is_reloaded_as_gbk(bool bytePath)
    {
        TextEncodingDetector.EnsureCodePages();
        var file = File(Encoding.GetEncoding("GBK"), chineseFromRow: 200_000);
        Assert.True(200_000 * 24 > TextEncodingDetector.HeadBytes && file.Length > TextEncodingDetector.HeadBytes * 1.5);
        var (result, rows) = await RunAsync(file, bytePath);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Contains(result.Warnings, w => w.Contains("GB18030/GBK"));
        Assert.DoesNotContain(result.Warnings, w => w.Contains("编码识别为 UTF-8"));
        Assert.Equal(rows.Count, result.RowCount);
        Assert.Equal("Liandu", rows[0][1]);
        Assert.Equal("景宁畲族自治县", rows[199_999][1]);
        Assert.Equal("景宁畲族自治县", rows[^1][1]);
        Assert.DoesNotContain(rows, r => r[1] is string s && s.Contains('\uFFFD'));
    }

    [Theory, MemberData(nameof(Paths))]
    public async Task A_big_utf8_file_is_read_once_as_utf8(bool bytePath)
    {
        var file = File(new UTF8Encoding(false), chineseFromRow: 200_000);
        var (result, rows) = await RunAsync(file, bytePath);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Contains(result.Warnings, w => w.Contains("编码识别为 UTF-8"));
        Assert.Equal("景宁畲族自治县", rows[^1][1]);
        Assert.Equal(["编号", "区县", "数值", "备注"], result.Names());
    }

    [Fact]
    public void Only_the_head_of_a_big_file_is_checked_before_the_load()
    {
        var file = new byte[TextEncodingDetector.HeadBytes + 10];
        file.AsSpan().Fill((byte)'a');
        file[^1] = 0xD6; // a GBK lead byte past the head: found later, by the rows
        var (encoding, _, _, guessed) = TextEncodingDetector.Detect(new MemoryStream(file));
        Assert.Equal(65001, encoding.CodePage);
        Assert.True(guessed);
        var small = TextEncodingDetector.Detect(new MemoryStream(file.AsSpan(TextEncodingDetector.HeadBytes - 100).ToArray()));
        Assert.NotEqual(65001, small.Encoding.CodePage); // small files are still checked whole
        Assert.False(small.Guessed);
    }

    private static async Task<(IngestionResult, List<object?[]>)> RunAsync(byte[] file, bool bytePath)
    {
        IDatastore store = bytePath ? new SinkCapturingDatastore() : new CapturingDatastore();
        var runner = new IngestionRunner(store, Options.Create(new DatastoreOptions()), NullLogger<IngestionRunner>.Instance);
        var result = await runner.RunAsync(new MemoryStream(file), "big.csv", new IngestionOptions(), null, CancellationToken.None);
        return (result, bytePath ? ((SinkCapturingDatastore)store).Rows : ((CapturingDatastore)store).Rows);
    }
}
