using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.DataApis.Catalog;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;

namespace OpenData.IntegrationTests.Features.Home;

/// <summary>The home page's lists and figures (issue 19), checked against the database rather than fixed numbers.</summary>
public abstract partial class HomeContentTests(PortalFactory factory)
{
    private async Task<string> HomeAsync() => WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/"));

    [Fact]
    public async Task Open_departments_counts_only_departments_with_published_data_and_lists_them_with_their_counts()
    {
        var (withData, all, perDept) = await WithDbAsync(factory, async db => (
            await db.Departments.CountAsync(d => db.Datasets.Any(x => x.DepartmentId == d.Id && x.IsPublished)),
            await db.Departments.CountAsync(),
            await db.Datasets.Where(d => d.IsPublished).GroupBy(d => d.Department!.Name).Select(g => new { g.Key, Count = g.Count() }).ToListAsync()));
        Assert.True(withData < all, $"the demo should have departments without published data ({withData} of {all})");
        var html = await HomeAsync();
        var figure = StatRegex().Match(html);
        Assert.True(figure.Success, "the 开放部门 figure is missing");
        Assert.Equal(withData, int.Parse(figure.Groups[1].Value));
        var chips = Regex.Matches(Section(html, "home-departments", "</ul>"), "<li>");
        Assert.Equal(withData, chips.Count);
        foreach (var d in perDept) Assert.Contains($"{d.Key}<span class=\"count\">（{d.Count}）", html);
        Assert.Contains("id=\"home-catalog-link\"", html);
    }

    [Fact]
    public async Task Newest_and_most_downloaded_datasets_and_newest_apis_are_listed()
    {
        var (newest, top) = await WithDbAsync(factory, async db => (
            await db.Datasets.Where(d => d.IsPublished).OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id).Select(d => d.Slug).FirstAsync(),
            await db.Datasets.Where(d => d.IsPublished && d.DownloadCount > 0).OrderByDescending(d => d.DownloadCount).ThenByDescending(d => d.Id)
                .Select(d => new { d.Slug, d.DownloadCount }).FirstOrDefaultAsync()));
        var api = (await factory.Service<ApiCatalog>().SearchAsync(new ApiSearch(null, null, null, "updated", 1, 1), default)).Items.Single();
        var html = await HomeAsync();
        Assert.StartsWith($"<li><a href=\"/datasets/{newest}\"", Section(html, "home-newest-datasets").Split("<ol class=\"list-unstyled mb-0\">")[1].Trim());
        Assert.NotNull(top); // the demo has download history, so the ranking is not empty
        Assert.Contains($"<span class=\"rank\">1</span><a href=\"/datasets/{top.Slug}\"", Section(html, "home-top-downloads"));
        Assert.Contains($"{top.DownloadCount:N0} 次", Section(html, "home-top-downloads"));
        Assert.Contains($"<li><a href=\"/apis/{api.Code}\"", Section(html, "home-newest-apis"));
    }

    /// <summary>The HTML from the element with this id up to the end of its list (ol or ul).</summary>
    private static string Section(string html, string id, string close = "</ol>")
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"#{id} is missing");
        return html[start..html.IndexOf(close, start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<div class=\"num\">([0-9,]+)</div><div>开放部门")]
    private static partial Regex StatRegex();
}

public sealed class HomeContentTestsSqlite(SqlitePortalFactory f) : HomeContentTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class HomeContentTestsPostgres(PostgresPortalFactory f) : HomeContentTests(f), IClassFixture<PostgresPortalFactory>;
