using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Features.Accounts;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.DataApis.Gateway;

namespace OpenData.IntegrationTests.Features.DataApis;

/// <summary>The three call styles, the POST query, bad input, limits and the call log.</summary>
public abstract class GatewayQueryTests(PortalFactory factory)
{
    private static async Task<JsonElement> Json(HttpResponseMessage res) => JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Records_page_sorts_and_filters_and_includeTotal_adds_total_and_pageCount()
    {
        var app = await GatewaySetup.AppAsync(factory);
        var c = GatewaySetup.Client(factory, app);
        var plain = await Json(await c.GetAsync($"/api/v1/data/{app.ApiCode}/records?page=1&pageSize=2&sort=PM25:desc&PM25__gte=20"));
        Assert.Equal(2, plain.GetProperty("records").GetArrayLength());
        Assert.Equal("青田县", plain.GetProperty("records")[0].GetProperty("区县").GetString());
        Assert.False(plain.TryGetProperty("total", out _));
        var withTotal = await Json(await c.GetAsync($"/api/v1/data/{app.ApiCode}/records?page=1&pageSize=2&includeTotal=true&PM25__gte=20"));
        Assert.Equal(5, withTotal.GetProperty("total").GetInt64());
        Assert.Equal(3, withTotal.GetProperty("pageCount").GetInt64());
    }

    [Fact]
    public async Task The_POST_query_filters_with_in_and_contains_and_returns_the_total()
    {
        var app = await GatewaySetup.AppAsync(factory);
        var c = GatewaySetup.Client(factory, app);
        var res = await c.PostAsync($"/api/v1/data/{app.ApiCode}/query",
            """{"filters":[{"field":"区县","op":"in","value":["莲都区","青田县"]},{"field":"站点","op":"contains","value":"监测"}],"sort":["PM25:desc"],"page":1,"pageSize":20,"includeTotal":true}""");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var body = await Json(res);
        Assert.Equal(1, body.GetProperty("total").GetInt64());
        Assert.Equal("市监测站", body.GetProperty("records")[0].GetProperty("站点").GetString());
    }

    [Theory]
    [InlineData("/records?不存在的列=1", "不存在的列")]
    [InlineData("/records?PM25__near=1", "near")]
    [InlineData("/records?pageSize=1001", "pageSize")]
    [InlineData("/count?PM25__gt=abc", "abc")]
    public async Task Bad_input_is_a_400_problem_that_names_the_problem(string call, string named)
    {
        var app = await GatewaySetup.AppAsync(factory);
        var res = await GatewaySetup.Client(factory, app).GetAsync($"/api/v1/data/{app.ApiCode}{call}");
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var body = await Json(res);
        Assert.Equal("ODP.BadRequest", body.GetProperty("code").GetString());
        Assert.Contains(named, body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{\"filters\":[{\"op\":\"eq\"}]}", "field")]
    [InlineData("{\"filters\":", "JSON")]
    public async Task A_malformed_body_filter_is_a_400_that_says_what_is_wrong(string body, string named)
    {
        var app = await GatewaySetup.AppAsync(factory);
        var res = await GatewaySetup.Client(factory, app).PostAsync($"/api/v1/data/{app.ApiCode}/query", body);
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Contains(named, (await Json(res)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_over_64_KB_is_a_400()
    {
        var app = await GatewaySetup.AppAsync(factory);
        var body = "{\"filters\":[],\"pad\":\"" + new string('x', 65 * 1024) + "\"}";
        var res = await GatewaySetup.Client(factory, app).PostAsync($"/api/v1/data/{app.ApiCode}/query", body);
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Contains("KB", (await Json(res)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_daily_quota_of_a_grant_answers_429_QuotaExceeded_once_used_up()
    {
        var app = await GatewaySetup.AppAsync(factory, dailyQuota: 2);
        var c = GatewaySetup.Client(factory, app);
        var path = $"/api/v1/data/{app.ApiCode}/count";
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync(path)).StatusCode);
        var third = await c.GetAsync(path);
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.Equal("ODP.QuotaExceeded", (await Json(third)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_per_app_rate_limit_answers_429_RateLimited_with_Retry_After()
    {
        var app = await GatewaySetup.AppAsync(factory);
        await AccountFlows.WithDbAsync(factory, async db =>
        {
            if (await db.ApiProfiles.Where(p => p.ApiCode == app.ApiCode).ExecuteUpdateAsync(s => s.SetProperty(p => p.RatePerMinute, 2)) == 0)
            { db.ApiProfiles.Add(new ApiProfile { ApiCode = app.ApiCode, RatePerMinute = 2 }); await db.SaveChangesAsync(); }
            return 0;
        });
        factory.Service<IMemoryCache>().Remove(ApiLimits.CacheKey(app.ApiCode)); // the row was written behind ApiLimits' back
        try
        {
            var c = GatewaySetup.Client(factory, app);
            var answers = new List<HttpResponseMessage>();
            for (var i = 0; i < 4; i++) answers.Add(await c.GetAsync($"/api/v1/data/{app.ApiCode}/count"));
            var limited = answers.First(r => (int)r.StatusCode == 429);
            Assert.Equal("ODP.RateLimited", (await Json(limited)).GetProperty("code").GetString());
            Assert.NotNull(limited.Headers.RetryAfter);
            Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
        }
        finally
        {
            await AccountFlows.WithDbAsync(factory, db => db.ApiProfiles.Where(p => p.ApiCode == app.ApiCode).ExecuteUpdateAsync(s => s.SetProperty(p => p.RatePerMinute, (int?)null)));
            factory.Service<IMemoryCache>().Remove(ApiLimits.CacheKey(app.ApiCode));
        }
    }

    [Fact]
    public async Task Every_call_is_logged_with_app_status_and_bytes_and_counts_on_the_app_chart()
    {
        var app = await GatewaySetup.AppAsync(factory);
        var c = GatewaySetup.Client(factory, app);
        await c.GetAsync($"/api/v1/data/{app.ApiCode}/records?pageSize=3");
        await c.GetAsync($"/api/v1/data/{app.ApiCode}/records?pageSize=5000");
        await factory.Service<CallLogWriter>().FlushAsync();
        var logs = await AccountFlows.WithDbAsync(factory, db => db.ApiCallLogs.AsNoTracking().Where(l => l.AppId == app.AppId).OrderBy(l => l.Id).ToListAsync());
        Assert.Equal([200, 400], logs.Select(l => l.Status));
        Assert.All(logs, l => Assert.True(l.Bytes > 0 && l.ApiCode == app.ApiCode && l.IpAddress.Length >= 0));
    }

    [Fact]
    public async Task A_second_of_calls_bigger_than_one_write_chunk_is_logged_whole_and_counted()
    {
        var app = await GatewaySetup.AppAsync(factory);
        var writer = factory.Service<CallLogWriter>();
        await writer.FlushAsync(); // calls of the tests before this one
        var before = await AccountFlows.WithDbAsync(factory, db => db.ApiProfiles.AsNoTracking().Where(p => p.ApiCode == app.ApiCode).Select(p => p.CallCount).FirstOrDefaultAsync());
        var calls = CallLogInsert.SqliteChunk * 2 + 17;
        for (var i = 0; i < calls; i++)
            writer.Enqueue(new ApiCallLog { AppId = app.AppId, ApiCode = app.ApiCode, Status = 200, LatencyMs = i, Bytes = 10, IpAddress = "127.0.0.1", At = DateTimeOffset.UtcNow });
        await writer.FlushAsync();
        var latencies = await AccountFlows.WithDbAsync(factory, db => db.ApiCallLogs.AsNoTracking().Where(l => l.AppId == app.AppId).Select(l => l.LatencyMs).ToListAsync());
        Assert.Equal(Enumerable.Range(0, calls), latencies.Order());
        var after = await AccountFlows.WithDbAsync(factory, db => db.ApiProfiles.AsNoTracking().Where(p => p.ApiCode == app.ApiCode).Select(p => p.CallCount).FirstAsync());
        Assert.Equal(before + calls, after);
    }
}

public sealed class GatewayQueryTestsSqlite(GatewaySqliteFactory f) : GatewayQueryTests(f), IClassFixture<GatewaySqliteFactory>;
public sealed class GatewayQueryTestsPostgres(GatewayPostgresFactory f) : GatewayQueryTests(f), IClassFixture<GatewayPostgresFactory>;
