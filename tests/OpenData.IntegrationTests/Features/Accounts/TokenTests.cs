using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Auditing;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;

namespace OpenData.IntegrationTests.Features.Accounts;

public abstract class TokenTests(PortalFactory factory)
{
    [Fact]
    public async Task A_token_is_shown_once_works_as_bearer_and_stops_working_when_revoked()
    {
        var (client, user) = await SignedInAsync(factory);
        Assert.Contains("您还没有创建过 API 令牌", await client.GetStringAsync("/me/tokens"));

        var created = await client.PostFormAsync("/me/tokens", null, "token-create", [new("TokenName", "同步脚本")]);
        var html = await created.Content.ReadAsStringAsync();
        Assert.Contains("class=\"token-once", html);
        Assert.Contains("data-copy=\"#new-token\"", html);
        Assert.Contains("无法再次查看", html);
        var token = TokenRegex().Match(html).Value;
        Assert.NotEmpty(token);
        Assert.Single(await AuditAsync(factory, AuditActions.TokenCreated, $"user:{user.UserName}"));

        var list = await client.GetStringAsync("/me/tokens");
        Assert.DoesNotContain(token, list);
        Assert.Contains("同步脚本", list);
        Assert.Contains(token[..10], list);

        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await api.GetFromJsonAsync<MeResponse>("/api/v1/me");
        Assert.Equal(user.UserName, me!.UserName);

        var id = (await factory.Service<ApiTokens>().ListAsync(user.Id)).Single().Id;
        var revoked = await client.PostFormAsync("/me/tokens", null, "token-revoke", [new("RevokeId", id.ToString())]);
        Assert.Equal("/me/tokens?revoked=true", revoked.Target());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Contains("已吊销", await client.GetStringAsync("/me/tokens"));
        Assert.Single(await AuditAsync(factory, AuditActions.TokenRevoked, $"user:{user.UserName}"));
    }

    [Fact]
    public async Task Another_user_cannot_revoke_your_token()
    {
        var (_, owner) = await SignedInAsync(factory);
        var created = await factory.Service<ApiTokens>().CreateAsync(owner.Id, owner.UserName!, "mine");
        var (other, stranger) = await SignedInAsync(factory);
        // The stranger has a token too, so the revoke form is on their page.
        await factory.Service<ApiTokens>().CreateAsync(stranger.Id, stranger.UserName!, "theirs");
        var res = await other.PostFormAsync("/me/tokens", null, "token-revoke", [new("RevokeId", created.Id.ToString())]);
        Assert.Equal("/me/tokens", res.Target());

        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Null((await factory.Service<ApiTokens>().ListAsync(owner.Id)).Single().RevokedAt);
    }

    [Fact]
    public async Task A_made_up_bearer_token_is_refused()
    {
        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "odp_" + new string('A', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }
}

public sealed class TokenTestsSqlite(SqlitePortalFactory f) : TokenTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class TokenTestsPostgres(PostgresPortalFactory f) : TokenTests(f), IClassFixture<PostgresPortalFactory>;
