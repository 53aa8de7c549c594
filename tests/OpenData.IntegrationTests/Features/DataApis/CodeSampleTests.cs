using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.DataApis.Catalog;

namespace OpenData.IntegrationTests.Features.DataApis;

/// <summary>The app on a real Kestrel port, so external programs (python3, dotnet run) can call it.</summary>
public sealed class GatewayKestrelFactory : PortalFactory
{
    public string BaseUrl { get; }
    public override string Provider => "Sqlite";
    protected override string ConnectionString => $"Data Source={Path.Combine(DataDir, "opendata.db")}";

    public GatewayKestrelFactory()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        BaseUrl = $"http://127.0.0.1:{port}";
        UseKestrel(port);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) { base.ConfigureWebHost(builder); GatewayData.UseTestTables(builder); }
}

/// <summary>The C# and Python samples shown on the API page, run unchanged against a live server.</summary>
public sealed class CodeSampleTests(GatewayKestrelFactory factory) : IClassFixture<GatewayKestrelFactory>
{
    private async Task<(int Exit, string Output)> RunAsync(string file, string code, string exe, string args)
    {
        var app = await GatewaySetup.AppAsync(factory);
        var dir = Directory.CreateTempSubdirectory("odp-sample-").FullName;
        var path = Path.Combine(dir, file);
        var pathAndQuery = $"/api/v1/data/{app.ApiCode}/records?page=1&pageSize=2&区县=莲都区";
        var sample = code == "python" ? CodeSamples.Python(factory.BaseUrl, pathAndQuery) : CodeSamples.CSharp(factory.BaseUrl, pathAndQuery);
        await File.WriteAllTextAsync(path, sample);
        var psi = new ProcessStartInfo(exe, string.Format(args, path)) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        psi.Environment["ODP_APP_KEY"] = app.AppKey;
        psi.Environment["ODP_APP_SECRET"] = app.AppSecret;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(cts.Token);
        try { Directory.Delete(dir, true); } catch (IOException) { }
        return (p.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task The_Python_sample_calls_the_signed_API_successfully()
    {
        var (exit, output) = await RunAsync("sample.py", "python", "python3", "{0}");
        Assert.True(exit == 0, output);
        Assert.StartsWith("200", output);
        Assert.Contains("莲都区", output);
    }

    [Fact]
    public async Task The_CSharp_sample_calls_the_signed_API_successfully()
    {
        var (exit, output) = await RunAsync("sample.cs", "csharp", "dotnet", "run {0}");
        Assert.True(exit == 0, output);
        Assert.Contains("200", output);
        Assert.Contains("莲都区", output);
    }
}
