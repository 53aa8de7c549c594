using OpenData.Web.Features.Datastore.Querying;
using OpenData.Web.Features.Datastore.Reading;

namespace OpenData.UnitTests.Features.Datastore;

public class FilterModelTests
{
    [Fact]
    public void Query_string_filters_follow_the_api_signing_model()
    {
        var query = new Dictionary<string, string?>
        {
            ["page"] = "2", ["区县"] = "莲都区", ["人口__gte"] = "10", ["日期__in"] = "2020-01-01,2020-01-02", ["备注__contains"] = "山",
        };
        var filters = FilterOperators.FromQuery(query, new HashSet<string> { "page", "pageSize", "sort" });
        Assert.Equal(
        [
            new FieldFilter("区县", "eq", "莲都区"), new FieldFilter("人口", "gte", "10"),
            new FieldFilter("日期", "in", "2020-01-01,2020-01-02"), new FieldFilter("备注", "contains", "山"),
        ], filters);
    }

    [Fact]
    public void Sort_accepts_several_fields_with_direction() =>
        Assert.Equal([new FieldSort("人口", true), new FieldSort("区县", false)], FilterOperators.ParseSort("人口:desc, 区县"));

    [Theory]
    [InlineData("地区,人口\n北京,1\n", ',')]
    [InlineData("标题\n地区;人口;面积\n北京;1;2\n上海;3;4\n", ';')]
    [InlineData("\"a,b\"\tc\n\"d,e\"\tf\n", '\t')]
    public void Delimiter_sniffing_ignores_quoted_content_and_title_lines(string sample, char expected) =>
        Assert.Equal(expected, DelimiterSniffer.Sniff(sample));

    [Theory]
    [InlineData("　莲都区　", "莲都区")]
    [InlineData("\u00A0 ", null)]
    [InlineData("\u200B龙泉", "龙泉")]
    [InlineData("云\0和", "云和")]
    public void Cells_are_trimmed_of_full_width_no_break_and_zero_width_spaces(string raw, string? expected) =>
        Assert.Equal(expected, Cells.Clean(raw));
}
