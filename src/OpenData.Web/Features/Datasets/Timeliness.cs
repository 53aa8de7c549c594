using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Datasets;

/// <summary>按时更新 / 逾期: the declared frequency against the real last data update.</summary>
public static class Timeliness
{
    /// <summary>How long after an update the next one is due (with a little grace for weekends and month lengths).</summary>
    public static TimeSpan? Interval(UpdateFrequency f) => f switch
    {
        UpdateFrequency.Realtime => TimeSpan.FromDays(2),
        UpdateFrequency.Daily => TimeSpan.FromDays(3),
        UpdateFrequency.Weekly => TimeSpan.FromDays(10),
        UpdateFrequency.Monthly => TimeSpan.FromDays(35),
        UpdateFrequency.Quarterly => TimeSpan.FromDays(100),
        UpdateFrequency.HalfYearly => TimeSpan.FromDays(190),
        UpdateFrequency.Yearly => TimeSpan.FromDays(380),
        _ => null,
    };

    public static TimelinessDto Evaluate(UpdateFrequency frequency, DateTimeOffset? lastUpdate, DateTimeOffset now)
    {
        var interval = Interval(frequency);
        if (interval is null)
            return new TimelinessDto("irregular", "不定期更新", lastUpdate, null);
        if (lastUpdate is null)
            return new TimelinessDto("overdue", "逾期", null, null);
        var due = lastUpdate.Value + interval.Value;
        return now <= due
            ? new TimelinessDto("on-time", "按时更新", lastUpdate, due)
            : new TimelinessDto("overdue", "逾期", lastUpdate, due);
    }
}
