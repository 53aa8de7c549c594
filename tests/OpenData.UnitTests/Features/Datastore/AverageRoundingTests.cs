using OpenData.Web.Features.Datastore.Querying;

namespace OpenData.UnitTests.Features.Datastore;

public class AverageRoundingTests
{
    [Theory]
    [InlineData(62.3333333333333, "62.33")]
    [InlineData(1234.5678, "1234.57")]
    [InlineData(0.045333333, "0.04533")]
    [InlineData(-7.12549, "-7.125")]
    [InlineData(0, "0")]
    public void Averages_print_two_decimals_or_four_significant_digits(double raw, string expected) =>
        Assert.Equal(expected, Convert.ToString(DatastoreAnalysis.RoundAverage(raw), System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void No_average_stays_null() => Assert.Null(DatastoreAnalysis.RoundAverage(null));
}
