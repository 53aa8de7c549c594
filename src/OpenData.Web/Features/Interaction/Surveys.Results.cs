using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Interaction;

public sealed partial class Surveys
{
    /// <summary>Counts per option and the text answers; administrators only.</summary>
    public async Task<SurveyResults?> ResultsAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!InteractionAccess.IsAdmin(user) || await FindAsync(id, ct) is not { } s) return null;
        var answers = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == id)
            .SelectMany(r => r.Answers.Select(a => new { a.QuestionId, a.Value })).ToListAsync(ct);
        var responses = await db.SurveyResponses.CountAsync(r => r.SurveyId == id, ct);
        var results = s.Questions.Select(q =>
        {
            var mine = answers.Where(a => a.QuestionId == q.Id).Select(a => a.Value).ToList();
            if (q.Kind == SurveyQuestionKind.Text) return new QuestionResult(q, [], mine.Take(200).ToList());
            var chosen = mine.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
            return new QuestionResult(q, q.Options.Select((o, i) => new OptionCount(o, chosen.Count(c => c == i.ToString(CultureInfo.InvariantCulture)))).ToList(), []);
        }).ToList();
        return new SurveyResults(s, responses, results);
    }

    /// <summary>One row per answer sheet, one column per question (choices by their text), UTF-8 with BOM for Excel.</summary>
    public async Task<byte[]?> CsvAsync(int id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!InteractionAccess.IsAdmin(user) || await FindAsync(id, ct) is not { } s) return null;
        var sheets = await db.SurveyResponses.AsNoTracking().Include(r => r.Answers).Where(r => r.SurveyId == id)
            .OrderBy(r => r.Id).ToListAsync(ct);
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', new[] { "答卷编号", "提交时间" }.Concat(s.Questions.Select(q => q.Text)).Select(Csv)));
        foreach (var r in sheets)
        {
            var cells = new List<string> { r.Id.ToString(CultureInfo.InvariantCulture), ChinaTime.Minute(r.CreatedAt) };
            foreach (var q in s.Questions)
            {
                var v = r.Answers.FirstOrDefault(a => a.QuestionId == q.Id)?.Value ?? "";
                cells.Add(q.Kind == SurveyQuestionKind.Text ? v : string.Join("；", v.Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(i => int.TryParse(i, out var n) && n < q.Options.Count ? q.Options[n] : i)));
            }
            sb.AppendLine(string.Join(',', cells.Select(Csv)));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>Quotes a CSV cell and defuses spreadsheet formulas (=, +, -, @ at the start).</summary>
    private static string Csv(string v)
    {
        if (v.Length > 0 && "=+-@".Contains(v[0])) v = "'" + v;
        return "\"" + v.Replace("\"", "\"\"") + "\"";
    }
}
