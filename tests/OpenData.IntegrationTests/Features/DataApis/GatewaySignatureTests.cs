using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.DataApis.Gateway;

namespace OpenData.IntegrationTests.Features.DataApis;

/// <summary>The signature rules of api-signing.md, each broken on its own against the real gateway.</summary>
public abstract class GatewaySignatureTests(PortalFactory factory)
{
    private static async Task<string?> Code(HttpResponseMessage res)
    {
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString();
    }

    [Fact]
    public async Task A_correctly_signed_count_succeeds_and_carries_rate_limit_headers_and_a_request_id()
    {
        var app = await GatewaySetup.AppAsync(factory);
        var res = await GatewaySetup.Client(factory, app).GetAsync($"/api/v1/data/{app.ApiCode}/count?区县=莲都区");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement.GetProperty("total").GetInt64());
        Assert.True(res.Headers.Contains("X-RateLimit-Limit"));
        Assert.True(res.Headers.Contains("X-RateLimit-Remaining"));
        Assert.True(res.Headers.Contains("X-Request-Id"));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public async Task A_timestamp_301_seconds_off_is_TimestampSkew_with_the_server_time(int seconds)
    {
        var app = await GatewaySetup.AppAsync(factory);
        var c = GatewaySetup.Client(factory, app);
        var res = await c.SendAsync(c.Build(HttpMethod.Get, $"/api/v1/data/{app.ApiCode}/count",
            timestampMs: DateTimeOffset.UtcNow.AddSeconds(seconds).ToUnixTimeMilliseconds()));
        Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
        Assert.Equal("ODP.TimestampSkew", await Code(res));
        Assert.True(res.Headers.Contains("X-ODP-Server-Time"));
        Assert.True(res.Headers.Contains("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task A_replayed_nonce_is_NonceReused()
    {
        var app = await GatewaySetup.AppAsync(factory);
        var c = GatewaySetup.Client(factory, app);
        var nonce = Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await c.SendAsync(c.Build(HttpMethod.Get, $"/api/v1/data/{app.ApiCode}/count", nonce: nonce))).StatusCode);
        var again = await c.SendAsync(c.Build(HttpMethod.Get, $"/api/v1/data/{app.ApiCode}/count", nonce: nonce));
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("ODP.NonceReused", await Code(again));
    }

    [Fact]
    public async Task The_same_nonce_sent_concurrently_succeeds_exactly_once_while_fresh_nonces_beside_it_all_succeed()
    {
        // Concurrent calls share one nonce batch (group commit): a repeat inside the batch must still lose.
        var app = await GatewaySetup.AppAsync(factory);
        var c = GatewaySetup.Client(factory, app);
        var nonce = Guid.NewGuid().ToString("N");
        var same = Enumerable.Range(0, 12).Select(_ => c.SendAsync(c.Build(HttpMethod.Get, $"/api/v1/data/{app.ApiCode}/count", nonce: nonce)));
        var fresh = Enumerable.Range(0, 12).Select(_ => c.SendAsync(c.Build(HttpMethod.Get, $"/api/v1/data/{app.ApiCode}/count")));
        var all = await Task.WhenAll(same.Concat(fresh));
        Assert.Equal(1, all.Take(12).Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var r in all.Take(12).Where(r => r.StatusCode != HttpStatusCode.OK)) Assert.Equal("ODP.NonceReused", await Code(r));
        Assert.All(all.Skip(12), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task A_nonce_batch_admits_a_repeat_inside_the_batch_once_and_a_used_nonce_never()
    {
        // The group-commit writer itself, on the real database: the HTTP test above cannot force two calls into one batch.
        var app = await GatewaySetup.AppAsync(factory);
        var writer = factory.Services.GetRequiredService<INonceBatchWriter>();
        var expires = DateTimeOffset.UtcNow.AddMinutes(10);
        string a = Guid.NewGuid().ToString("N"), b = Guid.NewGuid().ToString("N");
        var first = await writer.InsertAsync([new(app.AppId, a, expires), new(app.AppId, a, expires), new(app.AppId, b, expires)], default);
        Assert.Equal([true, false, true], first);
        var second = await writer.InsertAsync([new(app.AppId, b, expires), new(app.AppId, Guid.NewGuid().ToString("N"), expires)], default);
        Assert.Equal([false, true], second);
    }

    [Fact]
    public async Task A_body_changed_by_one_byte_is_SignatureInvalid()
    {
        var app = await GatewaySetup.AppAsync(factory);
        var c = GatewaySetup.Client(factory, app);
        const string body = """{"filters":[{"field":"区县","op":"eq","value":"莲都区"}],"page":1,"pageSize":5}""";
        var res = await c.SendAsync(c.Build(HttpMethod.Post, $"/api/v1/data/{app.ApiCode}/query", body.Replace("pageSize\":5", "pageSize\":6"), signBody: body));
        Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
        Assert.Equal("ODP.SignatureInvalid", await Code(res));
        Assert.Equal(HttpStatusCode.OK, (await c.PostAsync($"/api/v1/data/{app.ApiCode}/query", body)).StatusCode);
    }

    [Fact]
    public async Task A_changed_query_value_is_SignatureInvalid_but_a_reordered_query_is_valid()
    {
        var app = await GatewaySetup.AppAsync(factory);
        var c = GatewaySetup.Client(factory, app);
        var path = $"/api/v1/data/{app.ApiCode}/records";
        var changed = await c.SendAsync(c.Build(HttpMethod.Get, path + "?page=1&pageSize=3", signQuery: "page=1&pageSize=2"));
        Assert.Equal(HttpStatusCode.Unauthorized, changed.StatusCode);
        Assert.Equal("ODP.SignatureInvalid", await Code(changed));
        var reordered = await c.SendAsync(c.Build(HttpMethod.Get, path + "?pageSize=2&page=1", signQuery: "page=1&pageSize=2"));
        Assert.Equal(HttpStatusCode.OK, reordered.StatusCode);
    }

    [Fact]
    public async Task A_plus_is_not_a_space_a_space_is_signed_as_percent_20()
    {
        var app = await GatewaySetup.AppAsync(factory);
        var c = GatewaySetup.Client(factory, app);
        var path = $"/api/v1/data/{app.ApiCode}/count";
        // The client signed "市 监测站" (space = %20) but the URL carries '+': the server reads a literal plus.
        var plus = await c.SendAsync(c.Build(HttpMethod.Get, path + "?站点=a+b", signQuery: "站点=a%20b"));
        Assert.Equal(HttpStatusCode.Unauthorized, plus.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync(path + "?站点=a%20b")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_AppKey_and_a_wrong_signature_look_the_same()
    {
        var app = await GatewaySetup.AppAsync(factory);
        var c = GatewaySetup.Client(factory, app);
        var path = $"/api/v1/data/{app.ApiCode}/count";
        c.AppSecret = "wrong-secret-wrong-secret-wrong-secret-xx";
        var badSig = await c.GetAsync(path);
        c.AppKey = "999999999999";
        var badKey = await c.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, badSig.StatusCode);
        Assert.Equal(badSig.StatusCode, badKey.StatusCode);
        string Strip(string s) => System.Text.RegularExpressions.Regex.Replace(s, "\"(requestId|traceId)\":\"[^\"]*\"", "");
        Assert.Equal(Strip(await badSig.Content.ReadAsStringAsync()), Strip(await badKey.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task An_app_without_an_approved_application_gets_NotGranted()
    {
        var app = await GatewaySetup.AppAsync(factory, grant: false);
        var res = await GatewaySetup.Client(factory, app).GetAsync($"/api/v1/data/{app.ApiCode}/count");
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        Assert.Equal("ODP.NotGranted", await Code(res));
    }
}

public sealed class GatewaySignatureTestsSqlite(GatewaySqliteFactory f) : GatewaySignatureTests(f), IClassFixture<GatewaySqliteFactory>;
public sealed class GatewaySignatureTestsPostgres(GatewayPostgresFactory f) : GatewaySignatureTests(f), IClassFixture<GatewayPostgresFactory>;
