using OpenData.Web.Features.Admin.Settings;

namespace OpenData.UnitTests.Features.Admin;

public sealed class SettingsCacheTests
{
    private static SettingsSnapshot Snapshot(string stamp) =>
        new(stamp, new Dictionary<string, string>(), new Dictionary<string, AgreementView>(), DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_snapshot_read_before_an_invalidation_is_not_kept_after_it()
    {
        var cache = new SettingsCache();
        var (_, before) = cache.Read();
        cache.Invalidate();                       // a change was committed while the slow read ran
        cache.Offer(Snapshot("old"), before);
        Assert.Null(cache.Read().Snapshot);

        var (_, after) = cache.Read();
        cache.Offer(Snapshot("new"), after);
        Assert.Equal("new", cache.Read().Snapshot?.Stamp);
    }

    [Fact]
    public void Invalidation_forgets_the_kept_snapshot()
    {
        var cache = new SettingsCache();
        cache.Offer(Snapshot("s1"), cache.Read().Generation);
        Assert.Equal("s1", cache.Read().Snapshot?.Stamp);
        cache.Invalidate();
        Assert.Null(cache.Read().Snapshot);
    }
}
