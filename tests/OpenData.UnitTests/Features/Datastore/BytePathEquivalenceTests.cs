using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenData.UnitTests.Features.Datastore.Fixtures;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Storage;

namespace OpenData.UnitTests.Features.Datastore;

/// <summary>
/// ADR 0012: after the 10,000-row sample, PostgreSQL's load reads CSV rows as byte spans and falls back to the
/// string path for any unusual row. Each file here is loaded both ways (object rows as SQLite takes them, and
/// through a sink as PostgreSQL takes them); types, values (with their .NET type and decimal scale), row count,
/// warnings and errors must be identical. The unusual rows sit past the sample, where the byte path runs.
/// </summary>
public class BytePathEquivalenceTests
{
    private const string Header = "编号,名称,数值,日期,时间,标志,备注";

    private static string Row(int i) =>
        $"{i},监测点{i % 50},{i % 7 * 1.25:0.00},2020-01-{1 + i % 28:00},2021-03-04 05:{i % 60:00},{(i % 2 == 0 ? "是" : "否")},第{i}条 𠀀记录";

    private static byte[] Csv(Func<int, string?> special, int rows = 12_000, string newline = "\n", Func<string, byte[]>? encode = null)
    {
        var sb = new StringBuilder(Header).Append(newline);
        for (var i = 1; i <= rows; i++) sb.Append(special(i) ?? Row(i)).Append(newline);
        return (encode ?? CsvFixture.Utf8)(sb.ToString());
    }

    private static async Task<SinkCapturingDatastore> AssertSameAsync(byte[] file, IReadOnlyDictionary<string, FieldType>? overrides = null, string name = "t.csv")
    {
        var objects = new CapturingDatastore();
        var sinks = new SinkCapturingDatastore();
        var a = await RunAsync(objects, file, name, overrides);
        var b = await RunAsync(sinks, file, name, overrides);
        Assert.Equal(a.Succeeded, b.Succeeded);
        Assert.Equal(a.Error, b.Error);
        Assert.Equal(a.Columns, b.Columns);
        Assert.Equal(a.Warnings, b.Warnings);
        Assert.Equal(a.RowCount, b.RowCount);
        Assert.Equal(objects.Loads, sinks.Loads);
        Assert.Equal(objects.Rows.Count, sinks.Rows.Count);
        for (var i = 0; i < objects.Rows.Count; i++)
            Assert.True(Show(objects.Rows[i]) == Show(sinks.Rows[i]), $"row {i + 1}: {Show(objects.Rows[i])} vs {Show(sinks.Rows[i])}");
        return sinks;
    }

    private static Task<IngestionResult> RunAsync(IDatastore store, byte[] file, string name, IReadOnlyDictionary<string, FieldType>? overrides)
    {
        var runner = new IngestionRunner(store, Options.Create(new DatastoreOptions()), NullLogger<IngestionRunner>.Instance);
        var options = new IngestionOptions { TypeOverrides = overrides ?? new Dictionary<string, FieldType>() };
        return runner.RunAsync(new MemoryStream(file), name, options, null, CancellationToken.None);
    }

    private static string Show(object?[] row) =>
        string.Join(" | ", row.Select(v => v is null ? "null" : $"{v.GetType().Name}:{Convert.ToString(v, CultureInfo.InvariantCulture)}"));

    [Fact]
    public async Task A_plain_file_goes_the_byte_path_with_the_same_table()
    {
        var store = await AssertSameAsync(Csv(_ => null));
        Assert.Equal(12_000, store.Rows.Count);
        Assert.True(store.ByteTexts > 3_000, $"only {store.ByteTexts} text cells went as bytes"); // two text columns past the sample
        Assert.Equal("第12000条 𠀀记录", store.Rows[^1][6]);
    }

    [Fact]
    public async Task Quoted_cells_with_delimiters_newlines_doubled_quotes_and_text_after_the_quote()
    {
        await AssertSameAsync(Csv(i => (i % 997) switch
        {
            1 => $"{i},\"甲,乙\",1.5,2020-01-02,2021-03-04 05:06,是,\"第一行\n第二行 \"\"引号\"\"\"",
            2 => $"\"{i}\",\"监测点\",\"2.50\",\"2020-01-02\",2021-03-04 05:06,是,\"ab\"cd\"e",
            3 => $"{i},a\"b,3,2020-01-02,2021-03-04 05:06,否,\"\"",
            _ => null,
        }));
    }

    [Fact]
    public async Task Cells_that_need_trimming_past_the_sample()
    {
        await AssertSameAsync(Csv(i => (i % 1001) switch
        {
            1 => $" {i} ,\u3000监测点\u3000,\u00A01.5,2020-01-02\t,2021-03-04 05:06,\u200B是,\uFEFF备注",
            2 => $"{i},名称\u00A0,1.5,2020-01-02,2021-03-04 05:06,是,  ",
            3 => $"{i},\u0085x,1.5,2020-01-02,2021-03-04 05:06,是,a\0b",
            _ => null,
        }));
    }

    [Fact]
    public async Task Every_character_the_cleaner_trims_is_trimmed_at_either_end_past_the_sample()
    {
        var trimmed = Enumerable.Range(1, 0xFFFF).Select(c => (char)c)
            .Where(c => !char.IsSurrogate(c) && (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF')).ToArray();
        Assert.Contains('\u3000', trimmed);
        await AssertSameAsync(Csv(i => i > 10_000 && i - 10_001 < trimmed.Length * 2
            ? (i - 10_001) % 2 == 0
                ? $"{i},{trimmed[(i - 10_001) / 2]}名称,{trimmed[(i - 10_001) / 2]}1.5,2020-01-02,2021-03-04 05:06,是,x"
                : $"{i},名称{trimmed[(i - 10_001) / 2]},1.5{trimmed[(i - 10_001) / 2]},2020-01-02,2021-03-04 05:06,是,x"
            : null));
    }

    [Fact]
    public async Task Footers_totals_section_titles_repeated_headers_and_blank_rows_past_the_sample()
    {
        await AssertSameAsync(Csv(i => i switch
        {
            10_500 => "北京市,北京市,北京市,北京市,北京市,北京市,北京市",
            10_600 => Header,
            10_700 => ",,,,,,",
            10_800 => "",
            10_900 => "0,0,0,0,0,0,0",
            11_998 => "合计,,80.4,,,,",
            11_999 => "注：数据来源于丽水市统计局,,,,,,",
            12_000 => "数据来源：统计局,说明",
            _ => null,
        }));
    }

    [Fact]
    public async Task Placeholders_in_typed_and_text_columns_past_the_sample()
    {
        string[] tokens = ["-", "--", "—", "N/A", "无数据", "null", "NaN", "/", "#N/A"];
        await AssertSameAsync(Csv(i => i > 10_000 && i % 13 == 0
            ? $"{i},{tokens[i % tokens.Length]},{tokens[i % tokens.Length]},{tokens[(i + 1) % tokens.Length]},-,—,{tokens[i % tokens.Length]}"
            : null));
    }

    [Theory]
    [InlineData(11_000, "3.25")]        // integer column → decimal: reload
    [InlineData(11_500, "2020/1/5")]    // date column keeps date with another spelling
    [InlineData(11_999, "约28")]         // a number column becomes text at the very end
    public async Task A_value_past_the_sample_that_widens_or_not_gives_the_same_table(int at, string value)
    {
        var store = await AssertSameAsync(Csv(i => i == at ? $"{value},监测点,{value},{value},2021-03-04 05:06,是,x" : null));
        Assert.True(store.Loads is 1 or 2);
    }

    [Fact]
    public async Task Short_long_and_ragged_rows_past_the_sample()
    {
        await AssertSameAsync(Csv(i => (i % 1500) switch { 7 => $"{i},短行", 8 => Row(i) + ",,,", _ => null }));
        await AssertSameAsync(Csv(i => i == 11_111 ? Row(i) + ",多余" : null)); // an error with row and column, both ways
    }

    [Fact]
    public async Task Crlf_files_with_four_byte_characters_across_every_buffer_boundary()
    {
        // Every row has 𠀀 (4 bytes) and ends in CRLF; over 1.3 MB some of each straddle a 64 KB read.
        await AssertSameAsync(Csv(_ => null, rows: 15_000, newline: "\r\n"));
        await AssertSameAsync(Csv(i => i % 3 == 0 ? Row(i) + "\r" : null, newline: "\n")); // CR, LF and CRLF mixed
    }

    [Fact]
    public async Task Gbk_and_utf8_with_bom_and_invalid_bytes()
    {
        await AssertSameAsync(Csv(_ => null, encode: s => CsvFixture.Gbk(s.Replace("𠀀", "丽"))));
        var bytes = Csv(_ => null, encode: CsvFixture.Utf8Bom).ToList();
        bytes.InsertRange(bytes.Count - 100, [0xE6, 0x2C]); // a cut character before a delimiter, in the last rows
        await AssertSameAsync([.. bytes]);
    }

    [Fact]
    public async Task A_column_empty_in_the_sample_and_typed_columns_chosen_by_the_provider()
    {
        await AssertSameAsync(Csv(i => i > 11_000 ? Row(i)[..Row(i).LastIndexOf(',')] + ",7" : Row(i)[..Row(i).LastIndexOf(',')] + ","));
        await AssertSameAsync(Csv(_ => null), new Dictionary<string, FieldType> { ["编号"] = FieldType.Text, ["数值"] = FieldType.Decimal });
        await AssertSameAsync(Csv(i => i == 11_234 ? Row(i).Replace(",是,", ",也许,") : null), new Dictionary<string, FieldType> { ["标志"] = FieldType.Boolean });
    }
}
