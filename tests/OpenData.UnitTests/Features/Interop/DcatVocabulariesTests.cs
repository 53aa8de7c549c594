using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Interop.Dcat;

namespace OpenData.UnitTests.Features.Interop;

public class DcatVocabulariesTests
{
    [Theory]
    [InlineData("2023-01 至 2024-12", "2023-01-01", "2024-12-31")]
    [InlineData("2026-08-04 至 2026-12-01", "2026-08-04", "2026-12-01")]
    [InlineData("2020年", "2020-01-01", "2020-12-31")]
    [InlineData("2019年3月—2021年2月", "2019-03-01", "2021-02-28")]
    public void Coverage_text_becomes_a_period(string text, string start, string end)
    {
        var p = DcatVocabularies.Period(text);
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end)), p);
    }

    [Theory]
    [InlineData("")]
    [InlineData("长期")]
    [InlineData("2024-12 至 2023-01")]
    [InlineData("2023-13")]
    public void Text_without_a_valid_period_gives_none(string text) => Assert.Null(DcatVocabularies.Period(text));

    [Fact]
    public void Domains_map_to_eu_themes_where_one_fits_and_frequencies_to_eu_frequencies()
    {
        Assert.EndsWith("/data-theme/ENVI", DcatVocabularies.EuTheme(10));
        Assert.EndsWith("/data-theme/TRAN", DcatVocabularies.EuTheme(6));
        Assert.Null(DcatVocabularies.EuTheme(99));
        Assert.EndsWith("/frequency/ANNUAL_2", DcatVocabularies.Frequency(UpdateFrequency.HalfYearly));
        Assert.Equal("tel:+86-578-2148326", DcatVocabularies.Telephone("丽水市生态环境局 数据管理科 0578-2148326"));
        Assert.Null(DcatVocabularies.Telephone("数据管理科"));
    }

    [Fact]
    public void Turtle_escapes_quotes_backslashes_and_newlines_in_literals_and_odd_characters_in_iris()
    {
        var g = new RdfGraph();
        g.Add(new Iri("http://x/a b"), Vocab.Dct + "title", new Literal("说\"明\"\\\n第二行", Language: "zh"));
        var ttl = RdfWriters.Turtle(g);
        Assert.Contains("<http://x/a\\u0020b>", ttl);
        Assert.Contains("dct:title \"说\\\"明\\\"\\\\\\n第二行\"@zh", ttl);
    }
}
