using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenData.IntegrationTests.Features.Datasets;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Accounts;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;

namespace OpenData.IntegrationTests.Features.Security;

/// <summary>
/// Cookie-authenticated writes must come from this origin (fetch metadata or Origin) or carry an antiforgery
/// token; another origin of the same site (another port or subdomain) is refused; bearer calls are unaffected.
/// </summary>
public abstract class CsrfTests(PortalFactory factory)
{
    private const string Slug = "kongqi-zhiliang-ribao";
    private const string Favorite = $"/api/v1/dataset/{Slug}/favorite";

    private static HttpRequestMessage Post(string url, params (string Name, string Value)[] headers)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, url);
        foreach (var (n, v) in headers) req.Headers.Add(n, v);
        return req;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage res)
    {
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
        Assert.Equal("csrf", doc.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_provider_page_on_another_origin_of_the_same_site_cannot_unpublish()
    {
        var client = factory.CreateBrowserClient(sameOrigin: false);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("provider", AccountDemoSeeder.Password)).StatusCode);
        var unpublish = $"/api/v1/manage/datasets/{Slug}/unpublish";
        await AssertRefusedAsync(await client.SendAsync(Post(unpublish, ("Sec-Fetch-Site", "same-site"), ("Origin", "http://localhost:8081"))));
        await AssertRefusedAsync(await client.SendAsync(Post(unpublish, ("Origin", "http://opendata.lishui.gov.cn.evil:80"))));
        await AssertRefusedAsync(await client.SendAsync(Post(unpublish)));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/api/v1/datasets/{Slug}")).StatusCode);
    }

    [Fact]
    public async Task Bodyless_cookie_posts_pass_from_this_origin_or_with_a_token_and_fail_without()
    {
        var (client, _) = await SignedInAsync(factory);
        client.DefaultRequestHeaders.Remove("Sec-Fetch-Site");
        await AssertRefusedAsync(await client.SendAsync(Post(Favorite, ("Sec-Fetch-Site", "cross-site"))));
        await AssertRefusedAsync(await client.SendAsync(Post("/api/v1/me/messages/read-all")));
        await AssertRefusedAsync(await client.SendAsync(Post(Favorite, ("RequestVerificationToken", "forged"))));

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Post("/api/v1/me/messages/read-all", ("Sec-Fetch-Site", "same-origin")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Post("/api/v1/me/messages/read-all", ("Origin", "http://localhost")))).StatusCode);
        var token = HtmlForms.AntiforgeryToken(await client.GetStringAsync("/me"));
        var withToken = await client.SendAsync(Post(Favorite, ("RequestVerificationToken", token)));
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.True((await withToken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isFavorite").GetBoolean());
    }

    [Fact]
    public async Task Bearer_token_calls_need_no_origin_or_token()
    {
        var me = await factory.ClientForAsync(UniqueName("csrf"));
        var res = await me.SendAsync(Post(Favorite, ("Sec-Fetch-Site", "cross-site")));
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
    }

    [Fact]
    public async Task The_upload_which_turns_antiforgery_off_is_guarded_too()
    {
        var client = factory.CreateBrowserClient(sameOrigin: false);
        await client.SignInAsync("provider", AccountDemoSeeder.Password);
        using var form = new MultipartFormDataContent { { new ByteArrayContent("a,b\n1,2\n"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "x.csv" } };
        var req = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/manage/datasets/{Slug}/resources") { Content = form };
        req.Headers.Add("Sec-Fetch-Site", "same-site");
        await AssertRefusedAsync(await client.SendAsync(req));
    }
}

public sealed class CsrfTestsSqlite(SqlitePortalFactory f) : CsrfTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class CsrfTestsPostgres(PostgresPortalFactory f) : CsrfTests(f), IClassFixture<PostgresPortalFactory>;
