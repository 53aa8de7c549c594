using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.DataApis.Gateway;

namespace OpenData.IntegrationTests.Features.DataApis;

/// <summary>The Redis nonce store against a real redis-server: what one node used, another refuses.</summary>
public sealed class RedisNonceStoreTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [RedisFact]
    public async Task A_nonce_used_once_is_refused_the_second_time_across_two_store_instances()
    {
        using var nodeA = RedisNonceStore.Connect(redis.ConnectionString);
        using var nodeB = RedisNonceStore.Connect(redis.ConnectionString);
        var a = new RedisNonceStore(nodeA, TimeProvider.System);
        var b = new RedisNonceStore(nodeB, TimeProvider.System);
        var nonce = Guid.NewGuid().ToString("N");
        var expires = DateTimeOffset.UtcNow.AddMinutes(10);
        Assert.True(await a.TryUseAsync(7, nonce, expires, default));
        Assert.False(await b.TryUseAsync(7, nonce, expires, default));
        Assert.False(await a.TryUseAsync(7, nonce, expires, default));
        Assert.True(await b.TryUseAsync(8, nonce, expires, default)); // nonces are per app
        var ttl = await nodeA.GetDatabase().KeyTimeToLiveAsync($"{RedisNonceStore.KeyPrefix}7:{nonce}");
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10)); // Redis forgets it by itself
    }
}

/// <summary>The whole gateway with DataApis:NonceStore = Redis: a replayed signed call is refused.</summary>
public abstract class RedisGatewayTests(PortalFactory factory)
{
    [RedisFact]
    public async Task With_the_Redis_nonce_store_a_replayed_signed_call_answers_NonceReused()
    {
        Assert.IsType<RedisNonceStore>(factory.Services.CreateScope().ServiceProvider.GetRequiredService<INonceStore>());
        var app = await GatewaySetup.AppAsync(factory);
        var client = GatewaySetup.Client(factory, app);
        var nonce = Guid.NewGuid().ToString("N");
        var ok = await client.SendAsync(client.Build(HttpMethod.Get, $"/api/v1/data/{app.ApiCode}/count", nonce: nonce));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var replay = await client.SendAsync(client.Build(HttpMethod.Get, $"/api/v1/data/{app.ApiCode}/count", nonce: nonce));
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("ODP.NonceReused", JsonDocument.Parse(await replay.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }
}

/// <summary>Each factory starts its own redis-server and stops it with the app.</summary>
public static class RedisGatewaySettings
{
    public static void Use(IWebHostBuilder builder, RedisServer server)
    {
        if (RedisServer.Binary is null) return;
        builder.UseSetting("DataApis:NonceStore", "Redis");
        builder.UseSetting("ConnectionStrings:Redis", server.ConnectionString);
    }
}

public sealed class RedisGatewaySqliteFactory : PortalFactory
{
    private readonly RedisServer _redis = new();
    public override string Provider => "Sqlite";
    protected override string ConnectionString => $"Data Source={Path.Combine(DataDir, "opendata.db")}";
    protected override void ConfigureWebHost(IWebHostBuilder builder) { base.ConfigureWebHost(builder); GatewayData.UseTestTables(builder); RedisGatewaySettings.Use(builder, _redis); }
    protected override void Dispose(bool disposing) { base.Dispose(disposing); _redis.Dispose(); }
}

public sealed class RedisGatewayPostgresFactory : PortalFactory
{
    private readonly RedisServer _redis = new();
    private readonly string _database = "odp_it_" + Guid.NewGuid().ToString("N")[..12];
    public override string Provider => "Postgres";
    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresServer.BaseConnectionString) { Database = _database }.ConnectionString;
    protected override void ConfigureWebHost(IWebHostBuilder builder) { base.ConfigureWebHost(builder); GatewayData.UseTestTables(builder); RedisGatewaySettings.Use(builder, _redis); }
    protected override void Dispose(bool disposing) { base.Dispose(disposing); _redis.Dispose(); }
}

public sealed class RedisGatewayTestsSqlite(RedisGatewaySqliteFactory f) : RedisGatewayTests(f), IClassFixture<RedisGatewaySqliteFactory>;
public sealed class RedisGatewayTestsPostgres(RedisGatewayPostgresFactory f) : RedisGatewayTests(f), IClassFixture<RedisGatewayPostgresFactory>;
