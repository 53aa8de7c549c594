using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Accounts;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;

namespace OpenData.IntegrationTests.Features.Accounts;

public abstract class MessageTests(PortalFactory factory)
{
    [Fact]
    public async Task Messages_are_listed_newest_first_filtered_and_marked_read_one_or_all()
    {
        var (client, user) = await SignedInAsync(factory);
        Assert.Contains("暂时还没有站内消息", await client.GetStringAsync("/me/messages"));
        var notifier = factory.Service<Notifier>();
        foreach (var n in new[] { "第一条", "第二条", "第三条" })
            await notifier.NotifyAsync(user.Id, "审核通知", $"消息{n}", $"正文{n}", "/me");

        var html = await client.GetStringAsync("/me/messages");
        Assert.True(html.IndexOf("消息第三条", StringComparison.Ordinal) < html.IndexOf("消息第一条", StringComparison.Ordinal));
        Assert.Contains("3 条未读", html);
        Assert.Equal(3, Count(html, "message-unread"));

        var first = (await notifier.ListAsync(user.Id, false, 1, 20)).Items.Single(m => m.Title == "消息第一条");
        var marked = await client.PostFormAsync("/me/messages", null, "messages", [new("ReadId", first.Id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var unread = await client.GetStringAsync("/me/messages?filter=unread");
        Assert.Contains("2 条未读", unread);
        Assert.DoesNotContain("消息第一条", unread);

        await client.PostFormAsync("/me/messages", null, "messages", [new("All", "true")]);
        Assert.Equal(0, await notifier.UnreadCountAsync(user.Id));
        Assert.Contains("没有未读消息", await client.GetStringAsync("/me/messages?filter=unread"));
        // A hand-edited page number is not an error.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me/messages?page=abc")).StatusCode);
    }

    [Fact]
    public async Task The_messages_api_lists_and_marks_read_with_a_bearer_token_and_only_for_the_owner()
    {
        var owner = await CreateUserAsync(factory);
        var stranger = await CreateUserAsync(factory);
        var notifier = factory.Service<Notifier>();
        await notifier.NotifyAsync(owner.Id, "系统通知", "甲", "正文甲");
        await notifier.NotifyAsync(owner.Id, "系统通知", "乙", "正文乙");
        await notifier.NotifyAsync(stranger.Id, "系统通知", "丙", "正文丙");

        var api = await BearerAsync(owner);
        var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/me/messages?unread=true");
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("乙", items[0].GetProperty("title").GetString());

        var read = await api.PostAsync($"/api/v1/me/messages/{items[0].GetProperty("id").GetInt64()}/read", null);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(1, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unread").GetInt32());

        var strangers = (await notifier.ListAsync(stranger.Id, false, 1, 10)).Items.Single();
        var refused = await api.PostAsync($"/api/v1/me/messages/{strangers.Id}/read", null);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await notifier.UnreadCountAsync(stranger.Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/me/messages")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/me/messages/read-all", null)).StatusCode);
        Assert.Equal(0, await notifier.UnreadCountAsync(owner.Id));
        Assert.Equal(1, await notifier.UnreadCountAsync(stranger.Id));
    }

    private async Task<HttpClient> BearerAsync(OpenData.Web.Data.Entities.AppUser user)
    {
        var token = await factory.Service<ApiTokens>().CreateAsync(user.Id, user.UserName!, "test");
        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return api;
    }

    private static int Count(string s, string what) => (s.Length - s.Replace(what, "").Length) / what.Length;
}

public sealed class MessageTestsSqlite(SqlitePortalFactory f) : MessageTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class MessageTestsPostgres(PostgresPortalFactory f) : MessageTests(f), IClassFixture<PostgresPortalFactory>;
