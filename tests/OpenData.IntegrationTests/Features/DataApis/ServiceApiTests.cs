using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Features.Accounts;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.IntegrationTests.Features.DataApis;

/// <summary>A tiny upstream on 127.0.0.1: /echo answers, /redirect sends the caller elsewhere, /slow never answers in time.</summary>
public sealed class LocalUpstream : IDisposable
{
    private readonly HttpListener _listener = new();
    public int Port { get; }
    public string? RedirectTo { get; set; }

    public LocalUpstream()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        Port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); } catch { return; }
            _ = Task.Run(async () =>
            {
                var path = ctx.Request.Url!.AbsolutePath;
                if (path == "/redirect") { ctx.Response.StatusCode = 302; ctx.Response.RedirectLocation = RedirectTo; ctx.Response.Close(); return; }
                if (path == "/slow") await Task.Delay(5000);
                var body = Encoding.UTF8.GetBytes($"{{\"upstream\":\"ok\",\"query\":\"{ctx.Request.Url.Query}\"}}");
                ctx.Response.ContentType = "application/json";
                try { await ctx.Response.OutputStream.WriteAsync(body); ctx.Response.Close(); } catch { }
            });
        }
    }

    public void Dispose() { _listener.Stop(); _listener.Close(); }
}

/// <summary>Department APIs: registration, forwarding of approved signed calls, and the SSRF guards.</summary>
public abstract class ServiceApiTests(PortalFactory factory) : IDisposable
{
    private readonly LocalUpstream _upstream = new();

    public void Dispose() { _upstream.Dispose(); GC.SuppressFinalize(this); }

    private async Task<HttpClient> BearerAsync(string role, string org)
    {
        var user = await AccountFlows.CreateUserAsync(factory, role, org);
        var token = await factory.Service<ApiTokens>().CreateAsync(user.Id, user.UserName!, "t");
        var c = factory.CreateClient();
        c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return c;
    }

    /// <summary>Registers an upstream API and grants a fresh app; returns its code and a signing client.</summary>
    private async Task<(string Code, SigningClient Client)> ServiceAsync(string path, string[] allow)
    {
        var admin = await BearerAsync(Roles.Admin, "dsjj");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/admin/api-upstreams", new { hosts = allow.Append("127.0.0.1") })).StatusCode);
        var provider = await BearerAsync(Roles.Provider, "sthjj");
        var reg = await provider.PostAsJsonAsync("/api/v1/manage/services", new
        {
            name = "空气质量实时查询", description = "环境局自建系统", method = "GET", upstreamUrl = $"http://127.0.0.1:{_upstream.Port}{path}", domain = 1,
            parameters = "station|站点编码", example = "{\"upstream\":\"ok\"}",
        });
        Assert.Equal(HttpStatusCode.OK, reg.StatusCode);
        var code = JsonDocument.Parse(await reg.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
        if (allow.Length == 0) await admin.PutAsJsonAsync("/api/v1/admin/api-upstreams", new { hosts = Array.Empty<string>() });
        var app = await GatewaySetup.AppAsync(factory, grant: false);
        await AccountFlows.WithDbAsync(factory, async db =>
        {
            db.ApiApplications.Add(new ApiApplication { AppId = app.AppId, UserId = app.UserId, ApiCode = code, Category = "科研教育", Reason = "测试",
                Status = ApiApplicationStatus.Approved, CreatedAt = DateTimeOffset.UtcNow, AgreementAcceptedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        return (code, GatewaySetup.Client(factory, app));
    }

    [Fact]
    public async Task An_approved_signed_call_is_forwarded_to_the_allow_listed_upstream_and_the_API_is_listed()
    {
        var (code, client) = await ServiceAsync("/echo", ["127.0.0.1"]);
        var res = await client.GetAsync($"/api/v1/services/{code}?station=ls01");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var body = await res.Content.ReadAsStringAsync();
        Assert.Contains("\"upstream\":\"ok\"", body);
        Assert.Contains("station=ls01", body);
        Assert.Contains(code, await factory.CreateClient().GetStringAsync("/apis?q=" + Uri.EscapeDataString("空气质量实时查询")));
    }

    [Fact]
    public async Task A_host_not_on_the_allow_list_is_refused_at_registration_and_when_forwarding()
    {
        var provider = await BearerAsync(Roles.Provider, "sthjj");
        var admin = await BearerAsync(Roles.Admin, "dsjj");
        await admin.PutAsJsonAsync("/api/v1/admin/api-upstreams", new { hosts = new[] { "example.invalid" } });
        var reg = await provider.PostAsJsonAsync("/api/v1/manage/services", new { name = "内网接口", method = "GET", upstreamUrl = "http://169.254.169.254/latest/meta-data", domain = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, reg.StatusCode);

        var (code, client) = await ServiceAsync("/echo", []); // the host is removed from the list after registration
        var res = await client.GetAsync($"/api/v1/services/{code}");
        Assert.Equal(HttpStatusCode.BadGateway, res.StatusCode);
        Assert.Contains("白名单", await res.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://localhost:1/")]
    public async Task A_redirect_to_a_host_not_on_the_list_is_not_followed(string location)
    {
        _upstream.RedirectTo = location;
        var (code, client) = await ServiceAsync("/redirect", ["127.0.0.1"]);
        var res = await client.GetAsync($"/api/v1/services/{code}");
        Assert.Equal(HttpStatusCode.BadGateway, res.StatusCode);
        Assert.Contains("白名单", await res.Content.ReadAsStringAsync());
    }
}

public sealed class ServiceApiTestsSqlite(GatewaySqliteFactory f) : ServiceApiTests(f), IClassFixture<GatewaySqliteFactory>;
public sealed class ServiceApiTestsPostgres(GatewayPostgresFactory f) : ServiceApiTests(f), IClassFixture<GatewayPostgresFactory>;
