// Page weight budget (docs/performance.md): bytes a real Chromium transfers for a page, on a first visit (empty
// cache) and on a repeat visit (same browser profile, new tab), counted from the DevTools protocol's
// Network.loadingFinished.encodedDataLength (headers + body as sent on the wire, 0 for cached responses).
// Also the time to the load event, for the Scalar console question of issue 15.
// Usage: AssetBench <base-url> [path ...]     (exit code 1 when the home page is over its budget)
using System.Text.Json;
using Microsoft.Playwright;

var baseUrl = args.Length > 0 ? args[0].TrimEnd('/') : "http://127.0.0.1:5000";
var paths = args.Length > 1 ? args[1..] : ["/"];
const long FirstBudget = 120 * 1024, RepeatBudget = 10 * 1024;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
var failed = false;
foreach (var path in paths)
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 900 } });
    var first = await VisitAsync(context, baseUrl + path);
    var repeat = await VisitAsync(context, baseUrl + path);
    await context.CloseAsync();
    Print(path, "first visit", first);
    Print(path, "repeat visit", repeat);
    if (path == "/" && (first.Bytes > FirstBudget || repeat.Bytes > RepeatBudget))
    {
        Console.WriteLine($"OVER BUDGET: home page first ≤ {FirstBudget / 1024} KB, repeat ≤ {RepeatBudget / 1024} KB");
        failed = true;
    }
}
return failed ? 1 : 0;

static void Print(string path, string kind, Visit v)
{
    Console.WriteLine($"{path} {kind}: {v.Bytes / 1024.0:0.0} KB transferred in {v.Requests} requests, load event {v.LoadMs:0} ms");
    foreach (var (url, bytes) in v.Items.OrderByDescending(i => i.Bytes))
        Console.WriteLine($"    {bytes,9:N0} B  {url}");
}

static async Task<Visit> VisitAsync(IBrowserContext context, string url)
{
    var page = await context.NewPageAsync();
    var cdp = await context.NewCDPSessionAsync(page);
    var urls = new Dictionary<string, string>();
    var items = new List<(string Url, long Bytes)>();
    cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
    {
        if (e is { } j) lock (urls) urls[j.GetProperty("requestId").GetString()!] = j.GetProperty("request").GetProperty("url").GetString()!;
    };
    cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
    {
        if (e is not { } j) return;
        lock (urls) items.Add((urls.GetValueOrDefault(j.GetProperty("requestId").GetString()!, "?"), (long)j.GetProperty("encodedDataLength").GetDouble()));
    };
    await cdp.SendAsync("Network.enable");
    // Time from the start of navigation to the end of the load event, as the browser reports it (a page that
    // rewrites its history, as Scalar does, loses its navigation entry: then the clock around the navigation).
    var clock = System.Diagnostics.Stopwatch.StartNew();
    await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
    var clockMs = clock.Elapsed.TotalMilliseconds;
    var loadMs = await page.EvaluateAsync<double>("() => { const t = performance.timing; return t.loadEventEnd > 0 ? t.loadEventEnd - t.navigationStart : 0; }");
    if (loadMs <= 0) loadMs = clockMs;
    await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 120_000 });
    await page.CloseAsync();
    lock (urls)
        return new Visit(items.Sum(i => i.Bytes), items.Count, loadMs, items.Select(i => (i.Url.Replace(new Uri(url).GetLeftPart(UriPartial.Authority), ""), i.Bytes)).ToList());
}

internal sealed record Visit(long Bytes, int Requests, double LoadMs, List<(string Url, long Bytes)> Items);
