using OpenData.Web.Features.Maps;

namespace OpenData.UnitTests.Features.Maps;

public class CoordinateColumnsTests
{
    [Theory]
    [InlineData("经度", "纬度")]
    [InlineData("lng", "lat")]
    [InlineData("LON", "LAT")]
    [InlineData("Longitude", "Latitude")]
    [InlineData("x", "y")]
    [InlineData("东经", "北纬")]
    [InlineData("经度（WGS84）", "纬度（WGS84）")]
    [InlineData("GPS经度", "GPS纬度")]
    public void Coordinate_columns_are_recognised_by_their_usual_names(string lng, string lat)
    {
        var pair = CoordinateColumns.Find(["名称", lat, "地址", lng]);
        Assert.Equal(new CoordinatePair(lng, lat), pair);
    }

    [Fact]
    public void An_exact_name_wins_over_one_that_only_contains_the_word() =>
        Assert.Equal(new CoordinatePair("经度", "纬度"), CoordinateColumns.Find(["经度说明文字", "经度", "纬度"]));

    [Fact]
    public void A_table_with_only_an_address_is_no_layer_and_says_why()
    {
        string[] names = ["名称", "详细地址", "联系电话"];
        Assert.Null(CoordinateColumns.Find(names));
        Assert.True(CoordinateColumns.HasAddressOnly(names));
    }

    [Fact]
    public void One_coordinate_column_alone_is_no_pair() => Assert.Null(CoordinateColumns.Find(["名称", "经度"]));

    [Fact]
    public void A_table_with_neither_is_not_flagged_as_address_only() => Assert.False(CoordinateColumns.HasAddressOnly(["日期", "AQI"]));
}
