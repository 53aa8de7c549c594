using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Export;
using OpenData.Web.Features.Datastore.Querying;

namespace OpenData.IntegrationTests.Features.Datastore;

/// <summary>Exports streamed from a real table; the XLSX export is read back by the ingestion engine itself.</summary>
public abstract class DatastoreExportTests(DatastoreFixture fixture)
{
    private const string Csv = "区县,人口,设立日期,备注\n莲都区,52,2000-07-01,\"含逗号,和\"\"引号\"\"\"\n龙泉市,28,1990-12-26,=HYPERLINK(\"x\")\n";

    private async Task<(IngestionResult Result, byte[] Bytes)> ExportAsync(ExportFormat format)
    {
        var runner = new IngestionRunner(fixture.Store, Options.Create(new DatastoreOptions()), NullLogger<IngestionRunner>.Instance);
        var r = await runner.RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(Csv)), "p.csv", new IngestionOptions(), null, default);
        Assert.True(r.Succeeded, r.Error?.Message);
        var rows = new DatastoreReader(fixture.Store).StreamAsync(r.TableName!, r.Columns, [], [], default);
        var output = new MemoryStream();
        await ExportWriters.WriteAsync(format, output, r.Columns, rows, default);
        return (r, output.ToArray());
    }

    [Fact]
    public async Task Csv_export_is_utf8_with_bom_quoted_and_guarded_against_formulas()
    {
        var (_, bytes) = await ExportAsync(ExportFormat.Csv);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("区县,人口,设立日期,备注\r\n莲都区,52,2000-07-01,\"含逗号,和\"\"引号\"\"\"\r\n", text);
        Assert.Contains("'=HYPERLINK", text);
    }

    [Fact]
    public async Task The_download_path_writes_the_same_csv_as_the_row_stream_for_every_type()
    {
        // On SQLite the download goes straight from SQLite's UTF-8 (ADR 0011); it must not differ by a byte.
        const string all = "名称,数量,金额,日期,时间,启用,备注\n甲,1,1.50,2020-01-05,2020-01-05 08:00:00,是,=SUM(A1)\n"
            + "\"含\"\"引号\",-2,0.1,2020/1/6,2020-01-06 09:30,否,-abc\n乙,,-3.25,,,,\"a,b \"\n丙,12345678901,1e3,2021年2月3日,2021-02-03 10:00,是,@x\n";
        var runner = new IngestionRunner(fixture.Store, Options.Create(new DatastoreOptions()), NullLogger<IngestionRunner>.Instance);
        var r = await runner.RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(all)), "all.csv", new IngestionOptions(), null, default);
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal([FieldType.Text, FieldType.Integer, FieldType.Decimal, FieldType.Date, FieldType.DateTime, FieldType.Boolean, FieldType.Text],
            r.Columns.Select(c => c.Type));
        var reader = new DatastoreReader(fixture.Store);
        var streamed = new MemoryStream();
        await ExportWriters.WriteAsync(ExportFormat.Csv, streamed, r.Columns, reader.StreamAsync(r.TableName!, r.Columns, [], [], default), default);
        var direct = new MemoryStream();
        await reader.ExportAsync(ExportFormat.Csv, r.TableName!, r.Columns, direct, default);
        Assert.Equal(Encoding.UTF8.GetString(streamed.ToArray()), Encoding.UTF8.GetString(direct.ToArray()));
        Assert.Contains("2020-01-05T08:00:00,是,'=SUM(A1)", Encoding.UTF8.GetString(direct.ToArray()));
    }

    [Fact]
    public async Task Json_export_keeps_types()
    {
        var (_, bytes) = await ExportAsync(ExportFormat.Json);
        using var doc = JsonDocument.Parse(bytes);
        var first = doc.RootElement[0];
        Assert.Equal(52, first.GetProperty("人口").GetInt64());
        Assert.Equal("2000-07-01", first.GetProperty("设立日期").GetString());
        Assert.Equal(2, doc.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Xml_export_names_fields_in_attributes()
    {
        var (_, bytes) = await ExportAsync(ExportFormat.Xml);
        var doc = XDocument.Load(new MemoryStream(bytes));
        var fields = doc.Root!.Elements("record").First().Elements("field").ToList();
        Assert.Equal("区县", fields[0].Attribute("name")!.Value);
        Assert.Equal("莲都区", fields[0].Value);
    }

    [Fact]
    public async Task Xlsx_export_reads_back_with_the_same_fields_types_and_values()
    {
        var (original, bytes) = await ExportAsync(ExportFormat.Xlsx);
        var runner = new IngestionRunner(fixture.Store, Options.Create(new DatastoreOptions()), NullLogger<IngestionRunner>.Instance);
        var again = await runner.RunAsync(new MemoryStream(bytes), "export.xlsx", new IngestionOptions(), null, default);
        Assert.True(again.Succeeded, again.Error?.Message);
        Assert.Equal(original.Columns, again.Columns);
        var page = await new DatastoreReader(fixture.Store).QueryAsync(again.TableName!, again.Columns, new RowQuery([], []), default);
        Assert.Equal("1990-12-26", page.Rows[1]["设立日期"]);
        Assert.Equal("含逗号,和\"引号\"", page.Rows[0]["备注"]);
    }
}

public sealed class DatastoreExportTestsSqlite(SqliteDatastoreFixture f) : DatastoreExportTests(f), IClassFixture<SqliteDatastoreFixture>;

public sealed class DatastoreExportTestsPostgres(PostgresDatastoreFixture f) : DatastoreExportTests(f), IClassFixture<PostgresDatastoreFixture>;
