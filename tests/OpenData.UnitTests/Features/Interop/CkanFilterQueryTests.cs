using System.Diagnostics;
using OpenData.Web.Features.Interop.Ckan;

namespace OpenData.UnitTests.Features.Interop;

public class CkanFilterQueryTests
{
    private static readonly CkanIndexRow Air = new(1, "kongqi", "空气质量", 8, "sthjj", "丽水市生态环境局", 10, "生态环境",
        ["空气质量", "AQI"], ["CSV", "XLSX"], "331102", new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("organization:sthjj", true)]
    [InlineData("organization:jtysj", false)]
    [InlineData("owner_org:8", true)]
    [InlineData("-organization:sthjj", false)]
    [InlineData("+groups:domain-10 AND res_format:csv", true)]
    [InlineData("tags:\"空气质量\" tags:AQI", true)]
    [InlineData("tags:(PM10 OR AQI)", true)]
    [InlineData("tags:(PM10 OR \"水质\")", false)]
    [InlineData("metadata_modified:[2024-01-01T00:00:00Z TO *]", true)]
    [InlineData("metadata_created:[* TO 2024-01-01T00:00:00Z]", false)]
    [InlineData("+dataset_type:dataset +state:active +capacity:public", true)]
    [InlineData("county:331102 name:kongqi id:1", true)]
    public void Clauses_match_as_solr_would(string fq, bool matches) => Assert.Equal(matches, CkanFilterQuery.Parse(fq)(Air));

    [Theory]
    [InlineData("organization:\"sthjj")]
    [InlineData("organization")]
    [InlineData(":x")]
    [InlineData("tags:(a OR b")]
    [InlineData("metadata_modified:[2024 TO")]
    [InlineData("metadata_modified:[yesterday TO *]")]
    [InlineData("tags:[a TO b]")]
    [InlineData("title:x")]
    [InlineData("tags:a:b")]
    public void Malformed_or_unknown_clauses_are_search_errors(string fq) =>
        Assert.Throws<CkanSearchError>(() => CkanFilterQuery.Parse(fq));

    [Fact]
    public void A_huge_malformed_query_fails_fast()
    {
        var fq = string.Concat(Enumerable.Repeat("tags:(a OR b) ", 20000)) + "tags:(";
        var clock = Stopwatch.StartNew();
        Assert.Throws<CkanSearchError>(() => CkanFilterQuery.Parse(fq));
        Assert.True(clock.ElapsedMilliseconds < 2000, $"{clock.ElapsedMilliseconds} ms");
    }
}
