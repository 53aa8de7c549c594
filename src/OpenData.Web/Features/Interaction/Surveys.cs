using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Interaction;

/// <summary>问卷调查: built by administrators, answered once per signed-in user while open.</summary>
public sealed partial class Surveys(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome> SaveAsync(int? id, SurveyInput input, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!InteractionAccess.IsAdmin(user)) return Outcome.Forbidden();
        var error = InteractionAccess.CheckText(input.Title, "问卷标题", 100) ?? InteractionAccess.CheckText(input.Description, "问卷说明", 1000, required: false);
        if (input.OpensAt is null || input.ClosesAt is null) error ??= "请填写开始和截止时间";
        else if (input.ClosesAt <= input.OpensAt) error ??= "截止时间必须晚于开始时间";
        var questions = input.Questions.Where(q => !string.IsNullOrWhiteSpace(q.Text)).ToList();
        if (questions.Count == 0) error ??= "请至少填写一个问题";
        foreach (var q in questions)
        {
            error ??= InteractionAccess.CheckText(q.Text, "问题", 200);
            var options = SplitOptions(q.Options);
            if (q.Kind != SurveyQuestionKind.Text && options.Length < 2) error ??= $"选择题“{q.Text.Trim()}”至少需要两个选项（每行一个）";
            if (options.Any(o => o.Length > 100)) error ??= "每个选项不能超过 100 个字";
        }
        if (error is not null) return Outcome.Invalid(error);

        var s = id is null ? null : await db.Surveys.Include(x => x.Questions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (id is not null && s is null) return Outcome.NotFound();
        if (s is null) db.Surveys.Add(s = new Survey { CreatedAt = clock.GetUtcNow() });
        s.Title = input.Title.Trim();
        s.Description = input.Description?.Trim() ?? "";
        s.OpensAt = FromChinaLocal(input.OpensAt!.Value);
        s.ClosesAt = FromChinaLocal(input.ClosesAt!.Value);
        // Once answered, the questions stay as they were: changing them would make the answers meaningless.
        var answered = s.Id != 0 && await db.SurveyResponses.AnyAsync(r => r.SurveyId == s.Id, ct);
        if (!answered)
        {
            s.Questions.Clear();
            s.Questions.AddRange(questions.Select((q, i) => new SurveyQuestion
            {
                Position = i + 1, Text = q.Text.Trim(), Kind = q.Kind, Required = q.Required,
                Options = q.Kind == SurveyQuestionKind.Text ? "" : string.Join('\n', SplitOptions(q.Options)),
            }));
        }
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("survey.saved", $"survey:{s.Id}", s.Title, ct: ct);
        return Outcome.Success(answered ? "已保存（问卷已有答卷，问题未修改）" : "问卷已保存", s.Id);
    }

    public Task<List<SurveySummary>> ListAsync(bool openOnly, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var q = db.Surveys.AsNoTracking();
        if (openOnly) q = q.Where(s => s.OpensAt <= now && s.ClosesAt > now);
        return q.OrderByDescending(s => s.OpensAt).Take(100)
            .Select(s => new SurveySummary(s.Id, s.Title, s.Description, s.OpensAt, s.ClosesAt, db.SurveyResponses.Count(r => r.SurveyId == s.Id)))
            .ToListAsync(ct);
    }

    public async Task<SurveyDto?> FindAsync(int id, CancellationToken ct = default)
    {
        var s = await db.Surveys.AsNoTracking().Include(x => x.Questions).FirstOrDefaultAsync(x => x.Id == id, ct);
        return s is null ? null : new SurveyDto(s.Id, s.Title, s.Description, s.OpensAt, s.ClosesAt,
            s.Questions.OrderBy(q => q.Position).Select(q => new QuestionDto(q.Id, q.Position, q.Text, q.Kind, q.Required, SplitOptions(q.Options))).ToList());
    }

    public async Task<bool> HasAnsweredAsync(int id, ClaimsPrincipal user, CancellationToken ct = default) =>
        InteractionAccess.UserId(user) is { } uid && await db.SurveyResponses.AnyAsync(r => r.SurveyId == id && r.UserId == uid, ct);

    /// <summary>Answers: question id → chosen option indexes (choice) or the text (one element).</summary>
    public async Task<Outcome> AnswerAsync(int id, IReadOnlyDictionary<int, string[]> answers, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (InteractionAccess.UserId(user) is not { } uid) return Outcome.Forbidden("请先登录再填写问卷");
        if (await FindAsync(id, ct) is not { } s) return Outcome.NotFound();
        var now = clock.GetUtcNow();
        if (now < s.OpensAt) return Outcome.Conflict("问卷尚未开始，请在开始后再来填写");
        if (now >= s.ClosesAt) return Outcome.Conflict("问卷已截止，不能再提交答卷");
        if (await HasAnsweredAsync(id, user, ct)) return Outcome.Conflict("您已经填写过这份问卷，每人只能提交一次");
        var response = new SurveyResponse { SurveyId = id, UserId = uid, CreatedAt = now };
        foreach (var q in s.Questions)
        {
            var given = answers.TryGetValue(q.Id, out var v) ? v.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).ToArray() : [];
            if (given.Length == 0)
            {
                if (q.Required) return Outcome.Invalid($"请回答必答题“{q.Text}”");
                continue;
            }
            string value;
            if (q.Kind == SurveyQuestionKind.Text)
            {
                if (InteractionAccess.CheckText(given[0], $"“{q.Text}”的回答", 1000) is { } e) return Outcome.Invalid(e);
                value = given[0];
            }
            else
            {
                var idx = given.Select(x => int.TryParse(x, out var i) ? i : -1).Distinct().ToArray();
                if (idx.Any(i => i < 0 || i >= q.Options.Count) || (q.Kind == SurveyQuestionKind.Single && idx.Length > 1))
                    return Outcome.Invalid($"“{q.Text}”的选项无效");
                value = string.Join(',', idx.Order());
            }
            response.Answers.Add(new SurveyAnswer { QuestionId = q.Id, Value = value });
        }
        db.SurveyResponses.Add(response);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); return Outcome.Conflict("您已经填写过这份问卷，每人只能提交一次"); }
        return Outcome.Success("感谢参与，答卷已提交");
    }

    /// <summary>Form dates are China local time.</summary>
    public static DateTimeOffset FromChinaLocal(DateTime local) =>
        new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset).ToUniversalTime();

    internal static string[] SplitOptions(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(30).ToArray();
}
