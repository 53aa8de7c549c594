using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OpenData.UnitTests.Features.Datastore.Fixtures;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Typing;

namespace OpenData.UnitTests.Features.Datastore;

/// <summary>
/// ADR 0011: types come from a sample and are checked on every row while loading; a later value that widens a
/// type makes the runner roll back and reload with types inferred over every row, so the result is always
/// what a full inference gives.
/// </summary>
public class SinglePassIngestionTests
{
    private const int PastSample = 12_000; // the sample is the first 10,000 rows

    private static byte[] Csv(string header, Func<int, string> row)
    {
        var sb = new StringBuilder(header).Append('\n');
        for (var i = 1; i <= PastSample; i++) sb.Append(row(i)).Append('\n');
        return CsvFixture.Utf8(sb.ToString());
    }

    [Fact]
    public async Task A_consistent_file_is_loaded_in_one_pass_with_typed_values()
    {
        var (r, store) = await Ingest.RunAsync(Csv("编号,日期,数值,名称", i => $"{i},2020-01-{1 + i % 28:00},{i}.5,点{i}"), "a.csv");
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal(1, store.Loads);
        Assert.Equal([FieldType.Integer, FieldType.Date, FieldType.Decimal, FieldType.Text], r.Columns.Select(c => c.Type));
        Assert.Equal([3L, new DateOnly(2020, 1, 4), 3.5m, "点3"], store.Rows[2]);
        Assert.Equal(PastSample, store.Rows.Count);
    }

    [Fact]
    public async Task A_late_value_that_widens_a_column_reloads_it_with_the_wider_type()
    {
        var (r, store) = await Ingest.RunAsync(Csv("编号,数值", i => $"{i},{(i == PastSample - 1 ? "3.25" : i.ToString(CultureInfo.InvariantCulture))}"), "b.csv");
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal(2, store.Loads); // the first load was abandoned before commit
        Assert.Equal(FieldType.Decimal, r.TypeOf("数值"));
        Assert.Equal(PastSample, store.Rows.Count); // nothing of the abandoned load is kept
        Assert.Equal(3.25m, store.Rows[PastSample - 2][1]);
        Assert.Equal(5m, store.Rows[4][1]);
    }

    [Fact]
    public async Task A_late_text_value_makes_the_column_text_with_every_value_as_written()
    {
        var (r, store) = await Ingest.RunAsync(Csv("编号,代码", i => $"{i},{(i == PastSample ? "A-1" : "1" + i)}"), "c.csv");
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal(FieldType.Text, r.TypeOf("代码"));
        Assert.Equal("11", store.Rows[0][1]);
        Assert.Equal("A-1", store.Rows[^1][1]);
    }

    [Theory]
    [InlineData("7", FieldType.Integer)]     // empty in the sample, numbers later: the full inference's type
    [InlineData("备注", FieldType.Text)]      // empty in the sample, text later: stays text, no reload needed
    public async Task A_column_empty_in_the_sample_gets_the_type_of_its_later_values(string late, FieldType expected)
    {
        var (r, store) = await Ingest.RunAsync(Csv("编号,备注", i => $"{i},{(i > 11_000 ? late : "")}"), "d.csv");
        Assert.True(r.Succeeded, r.Error?.Message);
        Assert.Equal(expected, r.TypeOf("备注"));
        Assert.Equal(expected == FieldType.Integer ? 7L : late, store.Rows[^1][1]);
        Assert.Equal(expected == FieldType.Integer ? 2 : 1, store.Loads);
    }

    [Fact]
    public async Task A_forced_type_is_still_checked_on_every_row_with_its_row_number()
    {
        var (r, _) = await Ingest.RunAsync(Csv("编号,人口", i => $"{i},{(i == PastSample ? "约28" : "5")}"), "e.csv",
            new Dictionary<string, FieldType> { ["人口"] = FieldType.Integer });
        Assert.False(r.Succeeded);
        Assert.Equal(PastSample + 1, r.Error!.Row);
    }

    // The span parsers must accept exactly what the former regex rules accepted.
    private static readonly Regex Integer = new(@"^[+-]?(0|[1-9][0-9]{0,18}|[1-9][0-9]{0,2}(,[0-9]{3})+)$");
    private static readonly Regex Decimal = new(@"^[+-]?((0|[1-9][0-9]*|[1-9][0-9]{0,2}(,[0-9]{3})+)(\.[0-9]+)?|\.[0-9]+)([eE][+-]?[0-9]{1,3})?$");

    [Theory]
    [InlineData("0")] [InlineData("-0")] [InlineData("+12")] [InlineData("007")] [InlineData("1,234")] [InlineData("1,23")]
    [InlineData("12,345,678")] [InlineData(",123")] [InlineData("1234,567")] [InlineData("9223372036854775807")]
    [InlineData("9223372036854775808")] [InlineData("1.5")] [InlineData(".5")] [InlineData("-.5")] [InlineData("5.")]
    [InlineData("1e5")] [InlineData("1E+05")] [InlineData("1e1234")] [InlineData("e5")] [InlineData("1e")] [InlineData("1.2.3")]
    [InlineData("0.25")] [InlineData("00.5")] [InlineData("1,234.5")] [InlineData("１２")] [InlineData("-")] [InlineData("")] [InlineData("1 2")]
    public void Number_spellings_are_judged_as_the_patterns_judge_them(string s)
    {
        var intOk = Integer.IsMatch(s) && long.TryParse(s.Replace(",", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l);
        Assert.Equal(intOk, ValueParsers.TryInteger(s, out var li));
        var decOk = Decimal.IsMatch(s) && decimal.TryParse(s.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var d);
        Assert.Equal(decOk, ValueParsers.TryDecimal(s, out var di));
        if (decOk) Assert.Equal(decimal.Parse(s.Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture), di);
        if (intOk) Assert.Equal(long.Parse(s.Replace(",", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), li);
    }

    [Theory]
    [InlineData("2020-01-05", false, true)] [InlineData("2020/1/5", false, true)] [InlineData("2020.1.5", false, true)]
    [InlineData("2020-1/5", false, true)] [InlineData("2020年1月5日", false, true)] [InlineData("2020年1月5", false, false)]
    [InlineData("2020-13-01", false, false)] [InlineData("2021-02-29", false, false)] [InlineData("1799-01-01", false, false)]
    [InlineData("20200105", false, false)] [InlineData("20200105", true, true)] [InlineData("22000105", true, false)]
    [InlineData("2020-001-05", false, false)] [InlineData("2020-01-05 08:00", false, false)] [InlineData("2020-01-05", true, true)]
    public void Date_spellings_are_judged_as_before(string s, bool compact, bool expected) =>
        Assert.Equal(expected, ValueParsers.TryDate(s, compact, out _));
}
