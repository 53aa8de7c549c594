using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Features.Accounts;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.DataApis.Gateway;

namespace OpenData.IntegrationTests.Features.DataApis;

/// <summary>The daily quota reserves blocks of calls for large quotas, and still never lets a grant pass its quota.</summary>
public abstract class DailyQuotaTests(PortalFactory factory)
{
    private Task<int> StoredAsync(int applicationId) =>
        AccountFlows.WithDbAsync(factory, db => db.ApiDailyUsages.AsNoTracking().Where(u => u.ApplicationId == applicationId).SumAsync(u => u.Count));

    [Fact]
    public async Task A_large_quota_is_counted_in_blocks_and_a_grant_never_gets_more_than_its_quota()
    {
        var app = await GatewaySetup.AppAsync(factory);
        var id = app.ApplicationId!.Value;
        using var scope = factory.Services.CreateScope();
        var quota = scope.ServiceProvider.GetRequiredService<DailyQuota>();

        Assert.Equal(1, await quota.TryCountAsync(id, 201, default));
        Assert.Equal(2, await StoredAsync(id)); // one write reserved a block of 2 (1 % of 201)
        Assert.Equal(2, await quota.TryCountAsync(id, 201, default));
        Assert.Equal(2, await StoredAsync(id)); // the second call came from the block, no write

        var granted = 2;
        while (await quota.TryCountAsync(id, 201, default) is not null) granted++;
        Assert.Equal(201, granted);
        Assert.Equal(201, await StoredAsync(id));
        Assert.Null(await quota.TryCountAsync(id, 201, default));
    }

    [Fact]
    public async Task A_small_quota_is_counted_call_by_call_and_a_zero_quota_refuses_at_once()
    {
        var app = await GatewaySetup.AppAsync(factory);
        var id = app.ApplicationId!.Value;
        using var scope = factory.Services.CreateScope();
        var quota = scope.ServiceProvider.GetRequiredService<DailyQuota>();
        Assert.Null(await quota.TryCountAsync(id, 0, default));
        Assert.Equal(0, await StoredAsync(id));
        Assert.Equal(1, await quota.TryCountAsync(id, 150, default));
        Assert.Equal(1, await StoredAsync(id));
    }
}

public sealed class DailyQuotaTestsSqlite(GatewaySqliteFactory f) : DailyQuotaTests(f), IClassFixture<GatewaySqliteFactory>;
public sealed class DailyQuotaTestsPostgres(GatewayPostgresFactory f) : DailyQuotaTests(f), IClassFixture<GatewayPostgresFactory>;
