using System.Text;
using OpenData.Web.Features.Datasets;

namespace OpenData.UnitTests.Features.Datasets;

public sealed class CsvTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        var rows = Csv.Parse("名称,地址\r\n\"甲,乙\",\"说\"\"好\"\"\n第二行\"\r\n丙,丁").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["甲,乙", "说\"好\"\n第二行"], rows[1]);
        Assert.Equal(["丙", "丁"], rows[2]);
        Assert.Equal("\"a,b\"", Csv.Escape("a,b"));
    }

    [Fact]
    public async Task Sampler_reads_utf8_with_bom_and_gb18030_and_counts_rows()
    {
        var text = "站点,数值\n甲,1\n乙,2.5\n";
        var utf8 = await TabularSampler.ReadAsync(new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]), "CSV", default);
        Assert.Equal(["站点", "数值"], utf8!.Columns);
        Assert.Equal(2, utf8.RowCount);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = await TabularSampler.ReadAsync(new MemoryStream(Encoding.GetEncoding("GB18030").GetBytes(text)), "CSV", default);
        Assert.Equal("站点", gb!.Columns[0]);
        Assert.Equal("乙", gb.Rows[1][0]);
        Assert.Equal("decimal", TabularSampler.GuessType(gb.Rows.Select(r => r[1])));
    }

    [Fact]
    public async Task An_empty_csv_is_refused_with_a_message()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => TabularSampler.ReadAsync(new MemoryStream(), "CSV", default));
        Assert.Contains("文件为空", e.Message);
    }
}
