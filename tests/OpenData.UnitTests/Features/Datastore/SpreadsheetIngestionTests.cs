using System.Text;
using OpenData.UnitTests.Features.Datastore.Fixtures;
using OpenData.Web.Features.Datastore;

namespace OpenData.UnitTests.Features.Datastore;

public class SpreadsheetIngestionTests
{
    [Fact]
    public async Task Xlsx_merged_title_and_two_row_header_are_flattened()
    {
        var xlsx = XlsxFixture.Build(
        [
            ["2023年丽水市空气监测站点一览表"],
            ["编号", "站点", "地址", null],
            [null, null, "经度", "纬度"],
            [1, "监测站大楼", 119.92, 28.45],
            [2, "莲都小学", 119.91, 28.46],
        ], "A1:D1", "A2:A3", "B2:B3", "C2:D2");
        var (r, store) = await Ingest.RunAsync(xlsx, "sites.xlsx");
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal(["编号", "站点", "地址-经度", "地址-纬度"], r.Names());
        Assert.Equal(2, store.Rows.Count);
        Assert.Equal(FieldType.Integer, r.TypeOf("编号"));
        Assert.Equal(FieldType.Decimal, r.TypeOf("地址-纬度"));
        Assert.Equal(119.92m, store.Rows[0][2]);
    }

    [Fact]
    public async Task Xlsx_vertical_merges_in_data_reach_every_row()
    {
        var xlsx = XlsxFixture.Build(
        [
            ["省份", "学校"],
            ["浙江省", "丽水学院"],
            [null, "浙江大学"],
        ], "A2:A3");
        var (r, store) = await Ingest.RunAsync(xlsx, "u.xlsx");
        Assert.Equal("浙江省", store.Rows[1][0]);
        Assert.Contains(r.Warnings, w => w.Contains("合并单元格"));
    }

    [Fact]
    public async Task Xlsx_group_title_rows_merged_across_the_table_are_skipped()
    {
        var xlsx = XlsxFixture.Build(
        [
            ["序号", "学校名称", "主管部门", "所在地"],
            ["浙江省（2所）"],
            [1, "浙江大学", "教育部", "杭州市"],
            [2, "丽水学院", "浙江省", "丽水市"],
            [0, 0, 0, 0],
        ], "A2:D2");
        var (r, store) = await Ingest.RunAsync(xlsx, "u.xlsx");
        Assert.Equal(3, store.Rows.Count);
        Assert.Equal(FieldType.Integer, r.TypeOf("序号"));
        Assert.Contains(r.Warnings, w => w.Contains("浙江省（2所）"));
    }

    [Fact]
    public async Task Xlsx_date_formatted_serials_become_dates()
    {
        var xlsx = XlsxFixture.Build(
        [
            ["日期", "AQI"],
            [new DateTime(2020, 1, 5), 78],
            [new DateTime(2020, 1, 6), 85],
        ], coverSheet: true);
        var (r, store) = await Ingest.RunAsync(xlsx, "d.xlsx");
        Assert.Equal(FieldType.Date, r.TypeOf("日期"));
        Assert.Equal(new DateOnly(2020, 1, 5), store.Rows[0][0]);
        Assert.Equal(new DateOnly(2020, 1, 6), store.Rows[1][0]);
    }

    [Fact]
    public async Task A_zip_bomb_named_xlsx_is_refused_before_it_is_inflated()
    {
        var bomb = XlsxFixture.ZipBomb(64L * 1024 * 1024);
        Assert.True(bomb.Length < 1024 * 1024);
        var (r, store) = await Ingest.RunAsync(bomb, "bomb.xlsx");
        Assert.Equal("XlsxTooLarge", r.Error!.Code);
        Assert.Contains("压缩炸弹", r.Error.Message);
        Assert.Empty(store.Rows);
    }

    [Fact]
    public async Task Xlsx_with_more_shared_strings_than_allowed_is_refused_with_a_clear_message()
    {
        var (r, store) = await Ingest.RunAsync(XlsxFixture.SharedStringFlood(5_000), "s.xlsx", limits: new DatastoreOptions { XlsxMaxSharedStrings = 1_000 });
        Assert.Equal("XlsxTooManyStrings", r.Error!.Code);
        Assert.Contains("共享字符串表超过了上限", r.Error.Message);
        Assert.Empty(store.Rows);
        var (chars, _) = await Ingest.RunAsync(XlsxFixture.SharedStringFlood(5_000), "s.xlsx", limits: new DatastoreOptions { XlsxMaxSharedStringChars = 10_000 });
        Assert.Equal("XlsxTooManyStrings", chars.Error!.Code);
        var (fine, fineStore) = await Ingest.RunAsync(XlsxFixture.SharedStringFlood(5_000), "s.xlsx");
        Assert.True(fine.Succeeded, fine.Error?.Message);
        Assert.Single(fineStore.Rows);
    }

    [Fact]
    public void A_flood_of_shared_strings_is_refused_without_holding_them_in_memory()
    {
        // 300 000 strings would take some 20 MB as .NET strings; refused at the limit, the reader allocates a fraction.
        var file = XlsxFixture.SharedStringFlood(300_000);
        var reader = new OpenData.Web.Features.Datastore.Reading.XlsxTableReader(new DatastoreOptions { XlsxMaxSharedStrings = 10_000 });
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<DatastoreInputException>(() => reader.ReadRows(new MemoryStream(file), CancellationToken.None).ToList());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("XlsxTooManyStrings", refused.Code);
        Assert.True(allocated < 8 * 1024 * 1024, $"allocated {allocated / 1024} KB while refusing");
    }

    [Fact]
    public async Task Xlsx_claiming_more_cells_than_allowed_is_refused()
    {
        var rows = Enumerable.Range(0, 30).Select(i => new object?[] { "a" + i, i, i * 2 }).ToArray();
        var (r, _) = await Ingest.RunAsync(XlsxFixture.Build(rows), "c.xlsx", limits: new DatastoreOptions { XlsxMaxCells = 50 });
        Assert.Equal("XlsxTooManyCells", r.Error!.Code);
    }

    [Fact]
    public async Task Text_renamed_to_xlsx_says_it_is_not_a_workbook()
    {
        var (r, _) = await Ingest.RunAsync(Encoding.UTF8.GetBytes("a,b\n1,2\n"), "fake.xlsx");
        Assert.Equal("NotXlsx", r.Error!.Code);
    }

    [Fact]
    public async Task Legacy_xls_with_title_footer_and_merged_title_is_read()
    {
        var xls = XlsFixture.Build(
        [
            ["主要城市地区生产总值"],
            ["城市", "2019年", "2020年"],
            ["北京", 35371.3, 36102.6],
            ["丽水", 1476.6, 1540.0],
            ["数据来源：国家统计局"],
        ], [(0, 0, 0, 2)]);
        var (r, store) = await Ingest.RunAsync(xls, "gdp.xls");
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal(["城市", "2019年", "2020年"], r.Names());
        Assert.Equal(2, store.Rows.Count);
        Assert.Equal("丽水", store.Rows[1][0]);
        Assert.Equal(FieldType.Decimal, r.TypeOf("2020年"));
        Assert.Equal(1540m, store.Rows[1][2]);
    }

    [Fact]
    public async Task A_damaged_xls_is_reported_as_a_damaged_file()
    {
        byte[] damaged = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. CsvFixture.Garbage(3000)];
        var (r, _) = await Ingest.RunAsync(damaged, "broken.xls");
        Assert.Equal("CorruptFile", r.Error!.Code);
        Assert.Contains("文件已损坏", r.Error.Message);
    }

    [Fact]
    public async Task Html_renamed_to_xls_is_explained()
    {
        var (r, _) = await Ingest.RunAsync(Encoding.UTF8.GetBytes("<html><table><tr><td>1</td></tr></table></html>"), "export.xls");
        Assert.Equal("NotXls", r.Error!.Code);
        Assert.Contains("另存为", r.Error.Message);
    }

    [Fact]
    public async Task Json_array_of_objects_uses_the_union_of_keys()
    {
        var json = """[{"区县":"莲都区","人口":52,"是否市区":true},{"区县":"龙泉市","人口":28,"备注":"山区"}]""";
        var (r, store) = await Ingest.RunAsync([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)], "p.json");
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal(["区县", "人口", "是否市区", "备注"], r.Names());
        Assert.Equal(FieldType.Integer, r.TypeOf("人口"));
        Assert.Equal("山区", store.Rows[1][3]);
    }

    [Fact]
    public async Task A_huge_json_value_is_refused_with_row_and_field()
    {
        var json = "[{\"名称\":\"甲\",\"说明\":\"短\"},{\"名称\":\"乙\",\"说明\":\"" + new string('长', 40_000) + "\"}]";
        var (r, _) = await Ingest.RunAsync(Encoding.UTF8.GetBytes(json), "p.json");
        Assert.Equal("CellTooLong", r.Error!.Code);
        Assert.Equal(2, r.Error.Row);
        Assert.Equal("说明", r.Error.Column);
    }

    [Fact]
    public async Task Json_with_no_records_or_not_an_object_is_refused()
    {
        var (r, _) = await Ingest.RunAsync(Encoding.UTF8.GetBytes("""{"status":0,"data":[]}"""), "p.json");
        Assert.Equal("JsonNoRecords", r.Error!.Code);
        (r, _) = await Ingest.RunAsync(Encoding.UTF8.GetBytes("42"), "p.json");
        Assert.Equal("JsonNotArray", r.Error!.Code);
    }

    [Fact]
    public async Task Json_envelope_yields_its_largest_record_array_with_nested_objects_as_dotted_columns()
    {
        var json = """
            {"status":200,"msg":"成功","data":{"total":3,"tags":[{"k":1}],"rows":[
              {"名称":"甲站","位置":{"区县":"莲都区","经度":119.92},"等级":1},
              {"名称":"乙站","位置":{"区县":"龙泉市","经度":119.14},"等级":2},
              {"名称":"丙站","位置":{"区县":"云和县","经度":119.57},"等级":2}]}}
            """;
        var (r, store) = await Ingest.RunAsync(Encoding.UTF8.GetBytes(json), "api.json");
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal(["名称", "位置.区县", "位置.经度", "等级"], r.Names());
        Assert.Equal(3, store.Rows.Count);
        Assert.Equal("龙泉市", store.Rows[1][1]);
        Assert.Contains(r.Warnings, w => w.Contains("data.rows"));
    }

    [Fact]
    public async Task Json_keyed_by_month_becomes_one_row_per_month()
    {
        var json = """{"data":{"2024-01":{"游客人次":120.5,"收入":8.1},"2024-02":{"游客人次":98,"收入":7.4},"2024-03":{"游客人次":131,"收入":9}}}""";
        var (r, store) = await Ingest.RunAsync(Encoding.UTF8.GetBytes(json), "tour.json");
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal(["月份", "游客人次", "收入"], r.Names());
        Assert.Equal(3, store.Rows.Count);
        Assert.Contains(r.Warnings, w => w.Contains("月份"));
    }

    [Fact]
    public async Task Unsupported_extension_is_refused()
    {
        var (r, _) = await Ingest.RunAsync([1, 2, 3], "report.pdf");
        Assert.Equal("UnsupportedFormat", r.Error!.Code);
    }
}
