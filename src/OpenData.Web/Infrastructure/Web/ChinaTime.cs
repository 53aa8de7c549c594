using System.Globalization;

namespace OpenData.Web.Infrastructure.Web;

/// <summary>Times are stored in UTC and shown in China Standard Time (UTC+8, no daylight saving), whatever the server's zone.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Minute(DateTimeOffset t) => t.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Minute(DateTimeOffset? t) => t is null ? "—" : Minute(t.Value);

    public static string Day(DateTimeOffset? t) => t is null ? "—" : t.Value.ToOffset(Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
