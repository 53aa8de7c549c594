using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using OpenData.IntegrationTests.Infrastructure;

namespace OpenData.IntegrationTests.Features.Home;

public abstract partial class HomePageTests(PortalFactory factory)
{
    [GeneratedRegex("(?:href|src)=\"/?(?<path>[^\"#?]+\\.(?:css|js|svg))(?:#(?<icon>[a-z0-9-]+))?\"")] private static partial Regex AssetRegex();
    [GeneratedRegex("<script type=\"importmap\">(?<map>.*?)</script>", RegexOptions.Singleline)] private static partial Regex ImportMapRegex();

    /// <summary>
    /// The home page's budget (docs/performance.md, measured in Chromium by scripts/bench/assets): no chart library,
    /// no framework script; every asset under a fingerprinted name, precompressed, cached immutable; every icon it
    /// uses in the subset sprite; its one inline script (the import map) admitted by the CSP's hash.
    /// </summary>
    [Fact]
    public async Task Home_page_loads_no_charts_and_its_assets_are_fingerprinted_precompressed_and_immutable()
    {
        var client = factory.CreateClient();
        var res = await client.GetAsync("/");
        var html = await res.Content.ReadAsStringAsync();
        Assert.DoesNotContain("echarts", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("blazor.web", html);
        Assert.DoesNotContain("leaflet", html);
        var assets = AssetRegex().Matches(html).Select(m => (Path: m.Groups["path"].Value, Icon: m.Groups["icon"].Value)).ToList();
        Assert.Contains(assets, a => a.Path.StartsWith("lib/bootstrap/bootstrap.min."));
        Assert.Contains(assets, a => a.Icon.Length > 0);
        foreach (var path in assets.Select(a => a.Path).Distinct())
        {
            Assert.Matches(@"\.[a-z0-9]{10}\.(css|js|svg)$", path); // fingerprinted: the name changes with the content
            using var request = new HttpRequestMessage(HttpMethod.Get, "/" + path);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
            var asset = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Contains("immutable", asset.Headers.CacheControl?.ToString());
            Assert.True(asset.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), path);
            Assert.Contains("br", asset.Content.Headers.ContentEncoding); // precompressed at build, not compressed per request
        }
        var sprite = await client.GetStringAsync("/" + assets.First(a => a.Icon.Length > 0).Path);
        Assert.True(sprite.Length < 120_000, $"the sprite is the used subset, not the 1.1 MB set ({sprite.Length} chars)");
        foreach (var icon in assets.Where(a => a.Icon.Length > 0).Select(a => a.Icon).Distinct())
            Assert.Contains($"id=\"{icon}\"", sprite);
        var map = ImportMapRegex().Match(html).Groups["map"].Value;
        Assert.Contains("js/safe-text.", map);
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(map)));
        Assert.Contains($"script-src 'self' 'sha256-{hash}'", res.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Pages_are_compressed_and_chart_pages_load_ECharts_by_its_fingerprinted_name()
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/datasets/kongqi-zhiliang-ribao/analysis");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        var res = await client.SendAsync(request);
        Assert.Contains("br", res.Content.Headers.ContentEncoding);
        var page = await client.GetStringAsync("/datasets/kongqi-zhiliang-ribao/analysis");
        var echarts = Regex.Match(page, "src=\"(?<p>lib/echarts/echarts\\.min\\.[a-z0-9]{10}\\.js)\"").Groups["p"].Value;
        Assert.NotEqual("", echarts);
        var lib = await client.GetAsync("/" + echarts);
        Assert.Contains("immutable", lib.Headers.CacheControl?.ToString());
        // The dataset page draws its graph after loading ECharts on demand: it names the fingerprinted file.
        Assert.Matches("lib/echarts/echarts\\.min\\.[a-z0-9]{10}\\.js", await client.GetStringAsync("/datasets/kongqi-zhiliang-ribao"));
    }

    [Fact]
    public async Task Home_shows_the_frame_and_the_domains()
    {
        var html = await factory.CreateClient().GetStringAsync("/");
        Assert.Contains("丽水市公共数据开放平台", html);
        Assert.Contains("信用服务", html);
        Assert.Contains("地理空间", html);
        Assert.Contains("开放部门", html);
    }

    [Fact]
    public async Task Unknown_page_is_a_chinese_404_inside_the_frame()
    {
        var res = await factory.CreateClient().GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html);
        Assert.Contains("丽水市公共数据开放平台", html);
    }

    [Fact]
    public async Task Unknown_api_route_is_problem_json()
    {
        var res = await factory.CreateClient().GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_healthz_answers()
    {
        var res = await factory.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        var csp = res.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline'; img", csp.Split("script-src")[1].Split(';')[0] + "; img");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", res.Headers.GetValues("X-Content-Type-Options").Single());
    }
}

public sealed class HomePageTestsSqlite(SqlitePortalFactory f) : HomePageTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class HomePageTestsPostgres(PostgresPortalFactory f) : HomePageTests(f), IClassFixture<PostgresPortalFactory>;
