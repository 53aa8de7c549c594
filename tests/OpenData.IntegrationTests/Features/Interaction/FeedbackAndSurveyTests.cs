using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Infrastructure;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Interaction.InteractionKit;

namespace OpenData.IntegrationTests.Features.Interaction;

/// <summary>建议反馈 with public replies and the average reply time; 问卷调查 built, answered once, closed, charted, exported.</summary>
public abstract class FeedbackAndSurveyTests(PortalFactory factory)
{
    [Fact]
    public async Task Feedback_is_replied_publicly_and_the_average_reply_time_is_shown()
    {
        var (user, author) = await SignedInAsync(factory);
        var empty = await user.PostFormAsync("/interact/feedback", null, "feedback", [new("Title", ""), new("Body", "内容")]);
        Assert.Contains("请填写标题", await empty.Content.ReadAsStringAsync());
        var title = "建议增加夜间模式" + UniqueName("");
        Assert.Equal(HttpStatusCode.Redirect, (await user.PostFormAsync("/interact/feedback", null, "feedback", [new("Title", title), new("Body", "晚上看屏幕太亮")])).StatusCode);
        var id = await WithDbAsync(factory, db => db.Feedbacks.Where(f => f.Title == title).Select(f => f.Id).SingleAsync());
        await WithDbAsync(factory, db => db.Feedbacks.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.CreatedAt, DateTimeOffset.UtcNow.AddHours(-30))));

        // Only administrators reply.
        Assert.DoesNotContain($"fr-{id}", await user.GetStringAsync("/interact/feedback"));
        var admin = await AdminBrowserAsync(factory);
        var replied = await admin.PostFormAsync("/interact/feedback", null, $"reply-{id}", [new("Reply", "已列入改版计划")]);
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var page = await factory.CreateBrowserClient().GetStringAsync("/interact/feedback");
        Assert.Contains("已列入改版计划", page);
        // This reply took 30 hours; the average is over every answered feedback (the demo has some too).
        var spans = await WithDbAsync(factory, db => db.Feedbacks.Where(f => f.RepliedAt != null).Select(f => new { f.Id, f.CreatedAt, f.RepliedAt }).ToListAsync());
        Assert.Equal(30, (spans.Single(f => f.Id == id).RepliedAt!.Value - spans.Single(f => f.Id == id).CreatedAt).TotalHours, 0.1);
        var average = spans.Average(f => (f.RepliedAt!.Value - f.CreatedAt).TotalHours) / 24;
        Assert.Contains($"平均答复用时：<strong class=\"avg-reply\">{average:0.#} 天</strong>", page);
        Assert.True(await WithDbAsync(factory, db => db.Messages.AnyAsync(m => m.UserId == author.Id && m.Category == "建议反馈")));
    }

    private static KeyValuePair<string, string>[] SurveyForm(string title, DateTime opens, DateTime closes) =>
    [
        new("Input.Title", title), new("Input.Description", "了解用户需求"),
        new("Input.OpensAt", opens.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)),
        new("Input.ClosesAt", closes.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)),
        new("Input.Questions[0].Text", "您多久使用一次平台？"), new("Input.Questions[0].Kind", "Single"), new("Input.Questions[0].Required", "true"),
        new("Input.Questions[0].Options", "每天\n每周\n每月"),
        new("Input.Questions[1].Text", "您关注哪些领域？"), new("Input.Questions[1].Kind", "Multiple"), new("Input.Questions[1].Options", "环境\n交通\n教育"),
        new("Input.Questions[2].Text", "其他建议"), new("Input.Questions[2].Kind", "Text"),
    ];

    private async Task<int> CreateSurveyAsync(HttpClient admin, string title, DateTime opens, DateTime closes)
    {
        var res = await admin.PostFormAsync("/admin/surveys/new", null, "survey-edit", SurveyForm(title, opens, closes));
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        return await WithDbAsync(factory, db => db.Surveys.Where(s => s.Title == title).Select(s => s.Id).SingleAsync());
    }

    [Fact]
    public async Task A_survey_is_built_answered_once_and_its_results_are_charted_and_exported()
    {
        var admin = await AdminBrowserAsync(factory);
        var now = DateTime.UtcNow.AddHours(8);
        var bad = await admin.PostFormAsync("/admin/surveys/new", null, "survey-edit", SurveyForm("反了", now, now.AddDays(-1)));
        Assert.Contains("截止时间必须晚于开始时间", await bad.Content.ReadAsStringAsync());
        var title = "平台满意度调查" + UniqueName("");
        var id = await CreateSurveyAsync(admin, title, now.AddHours(-1), now.AddDays(7));
        var questions = await WithDbAsync(factory, db => db.SurveyQuestions.Where(q => q.SurveyId == id).OrderBy(q => q.Position).Select(q => q.Id).ToListAsync());
        Assert.Equal(3, questions.Count);

        var (user, _) = await SignedInAsync(factory);
        var url = $"/interact/surveys/{id}";
        Assert.Contains("请回答必答题", await (await user.PostFormAsync(url, null, "survey", [new($"q{questions[2]}", "无")])).Content.ReadAsStringAsync());
        var ok = await user.PostFormAsync(url, null, "survey", [new($"q{questions[0]}", "1"), new($"q{questions[1]}", "0"), new($"q{questions[1]}", "2"), new($"q{questions[2]}", "=SUM(A1)")]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var again = await user.PostFormAsync(url, null, "survey", [new($"q{questions[0]}", "0")]);
        Assert.Contains("您已经填写过这份问卷", await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await WithDbAsync(factory, db => db.SurveyResponses.CountAsync(r => r.SurveyId == id)));

        var results = await admin.GetStringAsync($"/admin/surveys/{id}/results");
        Assert.Contains("1 份答卷", results);
        Assert.Contains("<script type=\"application/json\" id=\"survey-results\">", results);
        Assert.Contains("js/survey-charts.js", results);
        Assert.Contains("<td>每周</td><td>1</td>", results);
        Assert.Contains("<td>每天</td><td>0</td>", results);
        var csv = await admin.GetStringAsync($"/admin/surveys/{id}/results.csv");
        Assert.Contains("\"您多久使用一次平台？\"", csv);
        Assert.Contains("\"每周\",\"环境；教育\",\"'=SUM(A1)\"", csv);
        Assert.NotEqual(HttpStatusCode.OK, (await user.GetAsync($"/admin/surveys/{id}/results.csv")).StatusCode);
    }

    [Fact]
    public async Task A_closed_or_not_yet_open_survey_refuses_answers()
    {
        var admin = await AdminBrowserAsync(factory);
        var now = DateTime.UtcNow.AddHours(8);
        var closed = await CreateSurveyAsync(admin, "已截止问卷" + UniqueName(""), now.AddDays(-10), now.AddDays(-1));
        var future = await CreateSurveyAsync(admin, "未开始问卷" + UniqueName(""), now.AddDays(1), now.AddDays(3));
        var (user, _) = await SignedInAsync(factory);
        var q = await WithDbAsync(factory, db => db.SurveyQuestions.Where(x => x.SurveyId == closed && x.Position == 1).Select(x => x.Id).SingleAsync());
        Assert.Contains("问卷已截止", await user.GetStringAsync($"/interact/surveys/{closed}"));
        var res = await user.PostFormAsync($"/interact/surveys/{closed}", null, "survey", [new($"q{q}", "0")]);
        Assert.Contains("问卷已截止，不能再提交答卷", await res.Content.ReadAsStringAsync());
        var q2 = await WithDbAsync(factory, db => db.SurveyQuestions.Where(x => x.SurveyId == future && x.Position == 1).Select(x => x.Id).SingleAsync());
        var early = await user.PostFormAsync($"/interact/surveys/{future}", null, "survey", [new($"q{q2}", "0")]);
        Assert.Contains("问卷尚未开始", await early.Content.ReadAsStringAsync());
        Assert.Equal(0, await WithDbAsync(factory, db => db.SurveyResponses.CountAsync(r => r.SurveyId == closed || r.SurveyId == future)));
    }
}

public sealed class FeedbackAndSurveyTestsSqlite(SqlitePortalFactory f) : FeedbackAndSurveyTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class FeedbackAndSurveyTestsPostgres(PostgresPortalFactory f) : FeedbackAndSurveyTests(f), IClassFixture<PostgresPortalFactory>;
