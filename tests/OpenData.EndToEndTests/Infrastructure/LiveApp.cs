using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace OpenData.EndToEndTests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port (SQLite, demo catalog) and one headless Chromium driving it.
/// Shared by every end-to-end test class through the "live" collection.
/// </summary>
public sealed class LiveApp : IAsyncLifetime
{
    private readonly AppFactory _factory = new();
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; } = $"http://127.0.0.1:{FreePort()}";
    public IServiceProvider Services => _factory.Services;
    public static string ScreenshotDir { get; } = Path.Combine(FindRepoRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        _factory.Url = BaseUrl;
        _factory.UseKestrel(new Uri(BaseUrl).Port);
        _factory.StartServer();
        Directory.CreateDirectory(ScreenshotDir);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = height },
            BypassCSP = bypassCsp,
        });
        // CI machines are small (2 cores) and the whole suite shares them: allow slow first renders.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenData.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? Path.GetTempPath();
    }

    private sealed class AppFactory : WebApplicationFactory<Program>
    {
        public string Url { get; set; } = "";
        public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "odp-e2e-" + Guid.NewGuid().ToString("N")[..12]);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(DataDir);
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:OpenData", $"Data Source={Path.Combine(DataDir, "opendata.db")}");
            builder.UseSetting("OpenData:DataDir", DataDir);
            builder.UseSetting("OpenData:SeedDemo", "true");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            try { Directory.Delete(DataDir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}

[CollectionDefinition("live")]
public sealed class LiveCollection : ICollectionFixture<LiveApp>;
