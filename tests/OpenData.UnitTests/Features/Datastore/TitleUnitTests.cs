using OpenData.Web.Features.Datastore.Reading;

namespace OpenData.UnitTests.Features.Datastore;

public class TitleUnitTests
{
    [Theory]
    [InlineData("亿元", "单位：亿元")]
    [InlineData("万元", "2023年全市地区生产总值（万元）")]
    [InlineData("亿元", "丽水市财政收支 (亿元)")]
    [InlineData("人次", "计量单位: 人次")]
    [InlineData("%", "单位：%")]
    [InlineData("元/人", "城乡居民人均可支配收入（元/人）")]
    [InlineData(null, "2023年丽水市主要经济指标（2023年）")]
    [InlineData(null, "丽水市公共数据开放目录（试行）")]
    [InlineData(null, "填报单位：丽水市统计局")]
    public void A_unit_is_found_only_when_it_is_a_unit(string? expected, string title) =>
        Assert.Equal(expected, TitleUnit.Find([title]));
}
