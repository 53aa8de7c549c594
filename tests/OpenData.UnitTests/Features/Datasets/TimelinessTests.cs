using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;

namespace OpenData.UnitTests.Features.Datasets;

public sealed class TimelinessTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(UpdateFrequency.Daily, 2, "on-time")]
    [InlineData(UpdateFrequency.Daily, 4, "overdue")]
    [InlineData(UpdateFrequency.Monthly, 30, "on-time")]
    [InlineData(UpdateFrequency.Monthly, 40, "overdue")]
    [InlineData(UpdateFrequency.Yearly, 370, "on-time")]
    [InlineData(UpdateFrequency.Irregular, 3000, "irregular")]
    public void Declared_frequency_against_last_update(UpdateFrequency f, int daysAgo, string expected) =>
        Assert.Equal(expected, Timeliness.Evaluate(f, Now.AddDays(-daysAgo), Now).Status);

    [Fact]
    public void Never_updated_is_overdue_and_labels_are_chinese()
    {
        var t = Timeliness.Evaluate(UpdateFrequency.Weekly, null, Now);
        Assert.Equal(("overdue", "逾期"), (t.Status, t.Label));
        Assert.Equal("按时更新", Timeliness.Evaluate(UpdateFrequency.Weekly, Now, Now).Label);
    }
}
