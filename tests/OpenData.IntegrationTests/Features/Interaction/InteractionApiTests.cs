using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Features.Datasets;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Interaction;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Interaction.InteractionKit;

namespace OpenData.IntegrationTests.Features.Interaction;

/// <summary>The JSON API under /api/v1 with personal bearer tokens: the same commands as the pages, problem+json in Chinese.</summary>
public abstract class InteractionApiTests(PortalFactory factory)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage res, HttpStatusCode expected)
    {
        var body = await res.Content.ReadAsStringAsync();
        Assert.True(expected == res.StatusCode, $"{res.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage res, HttpStatusCode status, string detail)
    {
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        var p = await JsonAsync(res, status);
        Assert.Contains(detail, p.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Ratings_comments_favorites_and_error_reports_work_on_datasets_and_apis_with_a_bearer_token()
    {
        var slug = await PublishedDatasetAsync(factory);
        var code = await WithDbAsync(factory, db => db.Resources.Where(r => r.Dataset!.Slug == slug).Select(r => r.ApiCode).SingleAsync());
        var me = await factory.ClientForAsync(UniqueName("api"));

        foreach (var item in new[] { $"/api/v1/dataset/{slug}", $"/api/v1/api/{code}" })
        {
            await JsonAsync(await me.PutAsJsonAsync($"{item}/rating", new { stars = 4 }), HttpStatusCode.OK);
            var stats = await JsonAsync(await me.GetAsync($"{item}/rating"), HttpStatusCode.OK);
            Assert.Equal((1, 4), (stats.GetProperty("ratingCount").GetInt32(), stats.GetProperty("myStars").GetInt32()));
            await AssertProblemAsync(await me.PutAsJsonAsync($"{item}/rating", new { stars = 6 }), HttpStatusCode.BadRequest, "请选择 1 到 5 星");

            await AssertProblemAsync(await me.PostAsJsonAsync($"{item}/comments", new { body = "  " }), HttpStatusCode.BadRequest, "请填写评论内容");
            await AssertProblemAsync(await me.PostAsJsonAsync($"{item}/comments", new { body = new string('长', 501) }), HttpStatusCode.BadRequest, "评论内容不能超过 500 个字");
            var created = await JsonAsync(await me.PostAsJsonAsync($"{item}/comments", new { body = "通过接口发表的评论<b>" }), HttpStatusCode.Created);
            Assert.True(created.GetProperty("id").GetInt64() > 0);
            var comments = await JsonAsync(await factory.CreateClient().GetAsync($"{item}/comments"), HttpStatusCode.OK);
            Assert.Equal(1, comments.GetProperty("total").GetInt32());
            Assert.Equal("通过接口发表的评论<b>", comments.GetProperty("items")[0].GetProperty("body").GetString());
            Assert.Equal("Visible", comments.GetProperty("items")[0].GetProperty("status").GetString());

            Assert.True((await JsonAsync(await me.PostAsync($"{item}/favorite", null), HttpStatusCode.OK)).GetProperty("isFavorite").GetBoolean());
            Assert.False((await JsonAsync(await me.DeleteAsync($"{item}/favorite"), HttpStatusCode.OK)).GetProperty("isFavorite").GetBoolean());
            Assert.True((await JsonAsync(await me.PutAsync($"{item}/favorite", null), HttpStatusCode.OK)).GetProperty("isFavorite").GetBoolean());
            Assert.True((await JsonAsync(await me.PutAsync($"{item}/favorite", null), HttpStatusCode.OK)).GetProperty("isFavorite").GetBoolean());

            await AssertProblemAsync(await me.PostAsJsonAsync($"{item}/error-reports", new { type = "Nonsense", description = "x" }), HttpStatusCode.BadRequest, "请选择纠错类型");
            await JsonAsync(await me.PostAsJsonAsync($"{item}/error-reports", new { type = "DataError", description = "接口纠错描述", location = "第 2 行" }), HttpStatusCode.Created);
            var log = await JsonAsync(await factory.CreateClient().GetAsync($"{item}/error-reports"), HttpStatusCode.OK);
            Assert.Equal("Pending", log.GetProperty("items")[0].GetProperty("status").GetString());
        }
        var favorites = await JsonAsync(await me.GetAsync("/api/v1/me/favorites"), HttpStatusCode.OK);
        Assert.Equal(2, favorites.GetProperty("total").GetInt32());
        Assert.Contains(favorites.GetProperty("items").EnumerateArray(), f => f.GetProperty("link").GetString() == $"/apis/{code}");
        Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync("/api/v1/dataset/no-such-dataset/comments")).StatusCode);

        // Visitors: reading works, writing asks to sign in (401 with the page's message); /me needs a token.
        var anon = factory.CreateClient();
        await AssertProblemAsync(await anon.PostAsJsonAsync($"/api/v1/dataset/{slug}/comments", new { body = "匿名" }), HttpStatusCode.Unauthorized, "请先登录再发表评论");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync("/api/v1/me/favorites")).StatusCode);
    }

    [Fact]
    public async Task Data_requests_votes_feedback_surveys_and_subscriptions_through_the_api()
    {
        var alice = await factory.ClientForAsync(UniqueName("api"));
        var bob = await factory.ClientForAsync(UniqueName("api"));
        var res = await alice.PostAsJsonAsync("/api/v1/interact/requests", new { title = "接口提交的数据请求", description = "需要", purpose = "研究", department = Dept });
        var id = (await JsonAsync(res, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/interact/requests/{id}", res.Headers.Location?.ToString());
        await AssertProblemAsync(await alice.PostAsJsonAsync("/api/v1/interact/requests", new { title = "", description = "d", purpose = "p" }), HttpStatusCode.BadRequest, "请填写标题");
        await JsonAsync(await bob.PostAsync($"/api/v1/interact/requests/{id}/votes", null), HttpStatusCode.Created);
        await AssertProblemAsync(await bob.PostAsync($"/api/v1/interact/requests/{id}/votes", null), HttpStatusCode.Conflict, "每人只能 +1 一次");
        var list = await JsonAsync(await factory.CreateClient().GetAsync($"/api/v1/interact/requests?status=Pending&org={Dept}"), HttpStatusCode.OK);
        var mine = Assert.Single(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
        Assert.Equal(1, mine.GetProperty("votes").GetInt32());
        Assert.Equal("Pending", mine.GetProperty("status").GetString());

        await AssertProblemAsync(await alice.PostAsJsonAsync("/api/v1/interact/feedback", new { title = "建议", body = new string('字', 2001) }), HttpStatusCode.BadRequest, "建议内容不能超过 2000 个字");
        await JsonAsync(await alice.PostAsJsonAsync("/api/v1/interact/feedback", new { title = "接口建议", body = "希望提供批量下载" }), HttpStatusCode.Created);
        var feedback = await JsonAsync(await factory.CreateClient().GetAsync("/api/v1/interact/feedback"), HttpStatusCode.OK);
        Assert.Contains(feedback.GetProperty("items").EnumerateArray(), f => f.GetProperty("title").GetString() == "接口建议");

        // A survey that has closed refuses answers with 409 and says why.
        int surveyId;
        using (var scope = factory.Services.CreateScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<Surveys>().SaveAsync(null, new SurveyInput
            {
                Title = "已截止的问卷", OpensAt = DateTime.UtcNow.AddDays(-10), ClosesAt = DateTime.UtcNow.AddDays(-2),
                Questions = [new QuestionInput { Text = "满意吗", Kind = OpenData.Web.Data.Entities.SurveyQuestionKind.Text }],
            }, SubscriptionTests.TestAdmin());
            Assert.True(saved.Ok, saved.Message);
            surveyId = (int)saved.Id!.Value;
        }
        var survey = await JsonAsync(await factory.CreateClient().GetAsync($"/api/v1/interact/surveys/{surveyId}"), HttpStatusCode.OK);
        var question = survey.GetProperty("questions")[0].GetProperty("id").GetInt32();
        await AssertProblemAsync(await alice.PostAsJsonAsync($"/api/v1/interact/surveys/{surveyId}/responses",
            new { answers = new Dictionary<string, string[]> { [question.ToString(System.Globalization.CultureInfo.InvariantCulture)] = ["满意"] } }),
            HttpStatusCode.Conflict, "问卷已截止");

        var slug = await PublishedDatasetAsync(factory);
        Assert.Equal(0, (await JsonAsync(await alice.GetAsync("/api/v1/me/subscriptions"), HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await JsonAsync(await alice.PostAsync($"/api/v1/dataset/{slug}/subscription", null), HttpStatusCode.OK);
        var subs = await JsonAsync(await alice.GetAsync("/api/v1/me/subscriptions"), HttpStatusCode.OK);
        Assert.Equal(slug, Assert.Single(subs.GetProperty("items").EnumerateArray()).GetProperty("slug").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await alice.PostAsync("/api/v1/dataset/no-such-dataset/subscription", null)).StatusCode);
    }

    [Fact]
    public async Task The_endpoints_are_described_in_the_platform_openapi_document()
    {
        var doc = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/v1/{kind}/{key}/comments\"", doc);
        Assert.Contains("\"/api/v1/{kind}/{key}/rating\"", doc);
        Assert.Contains("\"/api/v1/interact/requests/{id}/votes\"", doc);
        Assert.Contains("\"/api/v1/me/favorites\"", doc);
        Assert.Contains("发表评论", doc);
    }
}

public sealed class InteractionApiTestsSqlite(SqlitePortalFactory f) : InteractionApiTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class InteractionApiTestsPostgres(PostgresPortalFactory f) : InteractionApiTests(f), IClassFixture<PostgresPortalFactory>;
