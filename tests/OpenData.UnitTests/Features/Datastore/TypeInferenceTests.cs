using OpenData.UnitTests.Features.Datastore.Fixtures;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Typing;

namespace OpenData.UnitTests.Features.Datastore;

public class TypeInferenceTests
{
    private static FieldType Infer(params string?[] values)
    {
        var inference = new TypeInference(1);
        foreach (var v in values) inference.Observe([v]);
        return inference.Result()[0];
    }

    [Theory]
    [InlineData(FieldType.Integer, "1", "-20", "1,234", null)]
    [InlineData(FieldType.Integer, "1", "-2", null, "12345678901")]
    [InlineData(FieldType.Decimal, "1", "2.5", "NaN", "-")]
    [InlineData(FieldType.Boolean, "是", "否", "是")]
    [InlineData(FieldType.Boolean, "Y", "N", "—")]
    [InlineData(FieldType.Date, "2020-01-05", "2020/1/5", "2020年1月5日")]
    [InlineData(FieldType.Date, "20200105", "20201231")]
    [InlineData(FieldType.Integer, "20200105", "20201399")]
    [InlineData(FieldType.DateTime, "2020-01-05 08:00", "2020/1/5 13:30:15", "2020-01-06")]
    [InlineData(FieldType.Month, "2013-12", "2014-01", "2014/2", "2025年9月", "-")]
    [InlineData(FieldType.Decimal, "2013.12", "2014.01")] // dotted year-months read as numbers in statistics tables
    [InlineData(FieldType.Integer, "201312", "201401")]
    [InlineData(FieldType.Text, "2013-12", "2013-13")]
    [InlineData(FieldType.Text, "2013-12", "2014-01-05")]
    [InlineData(FieldType.Text, "2013年12月", "2013年12月份")]
    [InlineData(FieldType.Text, "001", "002")]
    [InlineData(FieldType.Text, "1", "abc")]
    [InlineData(FieldType.Text, null, "/", "")]
    public void Narrowest_type_that_fits_every_value_wins(FieldType expected, params string?[] values) =>
        Assert.Equal(expected, Infer(values));

    [Fact]
    public void Invalid_calendar_dates_are_not_dates() =>
        Assert.False(ValueParsers.TryDate("2021-02-29", false, out _));

    [Fact]
    public async Task A_forced_type_that_does_not_fit_is_an_error_with_row_and_column()
    {
        var csv = CsvFixture.Utf8("区县,人口\n莲都区,52\n龙泉市,约28\n");
        var (r, _) = await Ingest.RunAsync(csv, "p.csv", new Dictionary<string, FieldType> { ["人口"] = FieldType.Integer });
        Assert.False(r.Succeeded);
        Assert.Equal(3, r.Error!.Row);
        Assert.Equal("人口", r.Error.Column);
        Assert.Contains("第 3 行“人口”列的值“约28”不是有效的整数", r.Error.Message);
        Assert.Contains("改为文本", r.Error.Message);
    }

    [Fact]
    public async Task A_provider_override_changes_the_type_on_reload()
    {
        var csv = CsvFixture.Utf8("时,值\n08,1\n09,2\n");
        var (first, _) = await Ingest.RunAsync(csv, "h.csv");
        Assert.True(first.Succeeded && first.Names().Contains("时"), string.Join("/", first.Names()) + string.Join("/", first.Warnings));
        Assert.Equal(FieldType.Text, first.TypeOf("时"));
        var (again, store) = await Ingest.RunAsync(csv, "h.csv", new Dictionary<string, FieldType> { ["时"] = FieldType.Integer, ["不存在"] = FieldType.Date });
        Assert.Equal(FieldType.Integer, again.TypeOf("时"));
        Assert.Equal(8L, store.Rows[0][0]);
        Assert.Contains(again.Warnings, w => w.Contains("不存在"));
    }
}
