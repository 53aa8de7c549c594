using System.Text;
using OpenData.UnitTests.Features.Datastore.Fixtures;
using OpenData.Web.Features.Datastore;

namespace OpenData.UnitTests.Features.Datastore;

public class CsvIngestionTests
{
    private const string Stations = "监测点编码,监测点名称,城市,经度,纬度,对照点\r\n1001A,万寿西宫,北京,116.3621,39.8784,N\r\n1002A,定陵(对照点),丽水,119.9,28.45,Y\r\n";

    [Fact]
    public async Task Trimmed_cells_are_counted_in_the_report_with_the_first_row()
    {
        var csv = "区县,学校数\n莲都区,12\n龙泉市 ,7\n 龙泉市,3\n";
        var (r, store) = await Ingest.RunAsync(Encoding.UTF8.GetBytes(csv), "schools.csv");
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal("龙泉市", store.Rows[1][0]);
        Assert.Contains(r.Warnings, w => w.Contains("2 个单元格") && w.Contains("第 3 行"));
        var (clean, _) = await Ingest.RunAsync(Encoding.UTF8.GetBytes("区县,学校数\n莲都区,12\n"), "clean.csv");
        Assert.DoesNotContain(clean.Warnings, w => w.Contains("空格"));
    }

    [Fact]
    public async Task Gbk_csv_keeps_chinese_names_and_values()
    {
        var (r, store) = await Ingest.RunAsync(CsvFixture.Gbk(Stations), "sites.csv");
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal(["监测点编码", "监测点名称", "城市", "经度", "纬度", "对照点"], r.Names());
        Assert.Equal("定陵(对照点)", store.Rows[1][1]);
        Assert.Contains(r.Warnings, w => w.Contains("GB18030"));
        Assert.Equal(FieldType.Decimal, r.TypeOf("经度"));
        Assert.Equal(FieldType.Boolean, r.TypeOf("对照点"));
        Assert.Equal(true, store.Rows[1][5]);
    }

    [Fact]
    public async Task Gb18030_csv_reads_characters_outside_gbk()
    {
        var (r, store) = await Ingest.RunAsync(CsvFixture.Gb18030("姓名,备注\n𠀀先生,扩展B区汉字\n"), "names.csv");
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal("𠀀先生", store.Rows[0][0]);
    }

    [Fact]
    public async Task Utf8_with_bom_does_not_leak_the_bom_into_the_first_field_name()
    {
        var (r, _) = await Ingest.RunAsync(CsvFixture.Utf8Bom(Stations), "sites.csv");
        Assert.Equal("监测点编码", r.Names()[0]);
        Assert.Contains(r.Warnings, w => w.Contains("BOM"));
    }

    [Fact]
    public async Task Excel_unicode_text_utf16_tab_delimited_is_read()
    {
        byte[] bytes = [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes("区县\t人口\r\n莲都区\t52\r\n")];
        var (r, store) = await Ingest.RunAsync(bytes, "export.txt");
        Assert.Equal(["区县", "人口"], r.Names());
        Assert.Equal(52L, store.Rows[0][1]);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public async Task Delimiter_is_sniffed(char d)
    {
        var text = $"地区{d}人口{d}面积\n莲都区{d}52.3{d}1502\n龙泉市{d}28.1{d}3059\n";
        var (r, store) = await Ingest.RunAsync(CsvFixture.Utf8(text), "a.csv");
        Assert.Equal(["地区", "人口", "面积"], r.Names());
        Assert.Equal(1502L, store.Rows[0][2]);
    }

    [Fact]
    public async Task Quoted_fields_keep_delimiters_quotes_and_newlines()
    {
        var text = "名称,说明\n\"甲,乙\",\"第一行\n第二行 \"\"引号\"\"\"\n丙,丁\n";
        var (r, store) = await Ingest.RunAsync(CsvFixture.Utf8(text), "q.csv");
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal("甲,乙", store.Rows[0][0]);
        Assert.Equal("第一行\n第二行 \"引号\"", store.Rows[0][1]);
        Assert.Equal(2, store.Rows.Count);
    }

    [Fact]
    public async Task Title_rows_above_the_header_and_footer_rows_are_skipped()
    {
        var text = "2023年丽水市各区县人口统计表,,\n单位：万人,,\n,,\n区县,常住人口,统计日期\n莲都区,52.3,2023年12月31日\n龙泉市,28.1,2023年12月31日\n合计,80.4,\n注：数据来源于丽水市统计局,,\n";
        var (r, store) = await Ingest.RunAsync(CsvFixture.Utf8(text), "pop.csv");
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal(["区县", "常住人口", "统计日期"], r.Names());
        Assert.Equal(2, store.Rows.Count);
        Assert.Equal(new DateOnly(2023, 12, 31), store.Rows[0][2]);
        Assert.Contains(r.Warnings, w => w.Contains("第 4 行"));
    }

    [Fact]
    public async Task A_two_cell_note_above_a_narrow_table_is_not_taken_for_the_header()
    {
        var (r, store) = await Ingest.RunAsync(CsvFixture.Utf8("单位：万元,2023年\n区县,生产总值,增速\n莲都区,500.1,6.5\n"), "n.csv");
        Assert.Equal(["区县", "生产总值", "增速"], r.Names());
        Assert.Single(store.Rows);
    }

    [Fact]
    public async Task Full_width_spaces_are_trimmed_and_blank_or_duplicate_names_are_made_unique()
    {
        var (r, store) = await Ingest.RunAsync(CsvFixture.Utf8("\u3000名称\u3000,,名称,备注\n\u3000甲 ,1,2,无\n"), "a.csv");
        Assert.Equal(["名称", "列2", "名称_2", "备注"], r.Names());
        Assert.Equal("甲", store.Rows[0][0]);
    }

    [Fact]
    public async Task A_file_without_header_row_gets_generated_names()
    {
        var (r, store) = await Ingest.RunAsync(CsvFixture.Utf8Bom("丽水,2013-12-02,78,良\n丽水,2013-12-03,85,良\n"), "aqi.csv");
        Assert.Equal(["列1", "列2", "列3", "列4"], r.Names());
        Assert.Equal(2, store.Rows.Count);
        Assert.Equal(FieldType.Date, r.TypeOf("列2"));
    }

    [Fact]
    public async Task Short_rows_are_padded_with_a_warning()
    {
        var (r, store) = await Ingest.RunAsync(CsvFixture.Utf8("a,b,c\n1,2,3\n4,5\n"), "r.csv");
        Assert.True(r.Succeeded);
        Assert.Null(store.Rows[1][2]);
        Assert.Contains(r.Warnings, w => w.Contains("第 3 行") && w.Contains("空值"));
    }

    [Fact]
    public async Task A_row_with_extra_cells_fails_with_its_row_and_column()
    {
        var (r, _) = await Ingest.RunAsync(CsvFixture.Utf8("名称,金额\n甲,1\n乙,1,200\n"), "r.csv");
        Assert.False(r.Succeeded);
        Assert.Equal("RaggedRow", r.Error!.Code);
        Assert.Equal(3, r.Error.Row);
        Assert.Contains("第 3 行有 3 个单元格", r.Error.Message);
        Assert.Contains("双引号", r.Error.Message);
    }

    [Fact]
    public async Task An_empty_file_is_refused_with_a_message()
    {
        var (r, _) = await Ingest.RunAsync([], "empty.csv");
        Assert.Equal("EmptyFile", r.Error!.Code);
        Assert.Contains("文件是空的", r.Error.Message);
    }

    [Fact]
    public async Task A_header_only_file_is_refused_with_the_header_row()
    {
        var (r, _) = await Ingest.RunAsync(CsvFixture.Utf8("区县,人口\n"), "h.csv");
        Assert.Equal("NoDataRows", r.Error!.Code);
        Assert.Contains("只有表头（第 1 行）", r.Error.Message);
    }

    [Fact]
    public async Task Binary_garbage_named_csv_is_refused()
    {
        var (r, _) = await Ingest.RunAsync(CsvFixture.Garbage(20_000), "data.csv");
        Assert.Equal("NotText", r.Error!.Code);
        Assert.Contains("不是文本表格", r.Error.Message);
    }

    [Fact]
    public async Task A_huge_cell_is_refused_with_its_row_and_column()
    {
        var text = "名称,说明\n甲," + new string('长', 40_000) + "\n";
        var (r, _) = await Ingest.RunAsync(CsvFixture.Utf8(text), "h.csv");
        Assert.Equal("CellTooLong", r.Error!.Code);
        Assert.Equal(2, r.Error.Row);
        Assert.Contains("第 2 行第 2 列", r.Error.Message);
        Assert.Contains("32768", r.Error.Message);
    }

    [Fact]
    public async Task An_unclosed_quote_is_reported_where_it_starts()
    {
        var (r, _) = await Ingest.RunAsync(CsvFixture.Utf8("a,b\n1,\"open\n2,3\n"), "q.csv");
        Assert.Equal("UnclosedQuote", r.Error!.Code);
        Assert.Equal(2, r.Error.Row);
    }

    [Fact]
    public async Task Too_many_columns_and_too_large_uploads_are_refused()
    {
        var wide = string.Join(',', Enumerable.Range(1, 20).Select(i => "f" + i)) + "\n" + string.Join(',', Enumerable.Range(1, 20)) + "\n";
        var (r, _) = await Ingest.RunAsync(CsvFixture.Utf8(wide), "w.csv", limits: new DatastoreOptions { MaxColumns = 10 });
        Assert.Equal("TooManyColumns", r.Error!.Code);
        var (big, _) = await Ingest.RunAsync(CsvFixture.Utf8(wide), "w.csv", limits: new DatastoreOptions { MaxUploadBytes = 10 });
        Assert.Equal("FileTooLarge", big.Error!.Code);
    }

    [Fact]
    public async Task A_non_seekable_upload_is_spooled_and_still_size_checked()
    {
        var store = new CapturingDatastore();
        var runner = new IngestionRunner(store, Microsoft.Extensions.Options.Options.Create(new DatastoreOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<IngestionRunner>.Instance);
        var progress = new List<string>();
        var ok = await runner.RunAsync(new ForwardOnlyStream(CsvFixture.Utf8(Stations)), "s.csv", new IngestionOptions(),
            new SyncProgress(p => progress.Add(p.Stage)), default);
        Assert.True(ok.Succeeded, ok.Error?.Message);
        Assert.Equal(2, ok.RowCount);
        Assert.Equal(["识别", "写入"], progress.Distinct());
        var big = await runner.RunAsync(new ForwardOnlyStream(new byte[5000]), "s.csv",
            new IngestionOptions { Limits = new DatastoreOptions { MaxUploadBytes = 1000 } }, null, default);
        Assert.Equal("FileTooLarge", big.Error!.Code);
    }

    private sealed class SyncProgress(Action<IngestionProgress> report) : IProgress<IngestionProgress>
    {
        public void Report(IngestionProgress value) => report(value);
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
