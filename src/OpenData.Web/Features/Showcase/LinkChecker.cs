using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.DataApis.Services;

namespace OpenData.Web.Features.Showcase;

/// <summary>
/// Checks each entry's address (GET, no body read, with a timeout). The connection goes through the department
/// API proxy's SSRF guard (UpstreamForwarder.ConnectAsync): private and loopback addresses are refused even when a
/// public name resolves to them; redirects are followed by hand, http/https only. Broken addresses are flagged
/// to the submitter and reviewers on the detail page, never to the public.
/// </summary>
public sealed class LinkChecker : IDisposable
{
    private readonly HttpClient _http;
    private readonly IOptions<ShowcaseOptions> _options;

    public LinkChecker(IOptions<ShowcaseOptions> options)
    {
        _options = options;
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectCallback = UpstreamForwarder.ConnectAsync };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("OpenData-Lishui-LinkCheck/1.0");
    }

    /// <summary>Null when the address answers with a success status, else the reason in Chinese.</summary>
    public async Task<string?> ProbeAsync(string url, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(_options.Value.LinkCheckTimeout);
        try
        {
            var target = new Uri(url);
            for (var hop = 0; hop < 5; hop++)
            {
                if (ShowcaseValidation.CheckUrl(target.ToString()) is { } refused) return refused;
                using var res = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, target), HttpCompletionOption.ResponseHeadersRead, cts.Token);
                var code = (int)res.StatusCode;
                if (code is 301 or 302 or 303 or 307 or 308 && res.Headers.Location is { } next) { target = next.IsAbsoluteUri ? next : new Uri(target, next); continue; }
                return code is >= 200 and < 400 ? null : $"访问返回 HTTP {code}。";
            }
            return "重定向次数过多。";
        }
        catch (UpstreamRefusedException) { return "地址解析到内网或本机地址，已拒绝访问。"; }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return $"访问超时（{_options.Value.LinkCheckTimeout.TotalSeconds:0} 秒）。"; }
        catch (HttpRequestException e) { return e.InnerException is UpstreamRefusedException ? "地址解析到内网或本机地址，已拒绝访问。" : "无法连接该地址。"; }
        catch (UriFormatException) { return "地址格式不正确。"; }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Runs the check over every entry with an address and records the result.</summary>
public sealed class LinkCheckRun(PortalDbContext db, LinkChecker checker, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        // The latest revision's address: the one the owner and reviewers are working on.
        var rows = await db.ShowcaseEntries.AsNoTracking()
            .Select(e => new { e.Id, Url = e.Revisions.OrderByDescending(r => r.Id).Select(r => r.Url).FirstOrDefault() })
            .Where(e => e.Url != null).ToListAsync(ct);
        foreach (var row in rows)
        {
            var error = await checker.ProbeAsync(row.Url!, ct);
            var now = clock.GetUtcNow();
            await db.ShowcaseEntries.Where(e => e.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.LinkState, error == null ? LinkState.Ok : LinkState.Broken)
                .SetProperty(e => e.LinkError, error)
                .SetProperty(e => e.LinkCheckedAt, now), ct);
        }
        return rows.Count;
    }
}

/// <summary>The daily job (ShowcaseOptions.LinkCheckInterval); the first run waits a while after start.</summary>
public sealed class LinkCheckJob(IServiceScopeFactory scopes, IOptions<ShowcaseOptions> options, ILogger<LinkCheckJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.LinkCheckInterval <= TimeSpan.Zero) return;
        try
        {
            await Task.Delay(options.Value.LinkCheckFirstDelay, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var n = await scope.ServiceProvider.GetRequiredService<LinkCheckRun>().RunAsync(stoppingToken);
                    log.LogInformation("Showcase link check: {Count} addresses checked", n);
                }
                catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Showcase link check failed"); }
                await Task.Delay(options.Value.LinkCheckInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) { }
    }
}
