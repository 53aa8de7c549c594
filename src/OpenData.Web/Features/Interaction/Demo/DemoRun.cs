using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using static OpenData.Web.Features.Interaction.Demo.InteractionDemoText;

namespace OpenData.Web.Features.Interaction.Demo;

/// <summary>Adds one demo run's rows to the context (saved once by the seeder); choices are fixed, so every run is alike.</summary>
internal sealed class DemoRun(PortalDbContext db, List<InteractionDemoSeeder.DemoItem> items, List<(string Id, string Name)> people, DateTimeOffset now)
{
    private const string ProviderDept = "sthjj"; // the demo provider's department: its queues get the error reports and requests
    public bool RatedDatasets { get; private set; }

    private DateTimeOffset DaysAgo(double days) => now.AddDays(-days);

    private IEnumerable<(InteractionDemoSeeder.DemoItem Item, int N)> Every(int step, int count) =>
        items.Select((x, n) => (x, n)).Where(p => p.n % step == 0).Take(count);

    public void AddRatings()
    {
        foreach (var (item, n) in Every(2, 30))
        {
            // Three to eight opinions, mostly good, a few lukewarm: averages between about 3.5 and 4.8.
            for (var i = 0; i < 3 + n % 6 && i < people.Count; i++)
            {
                var (uid, _) = people[(n + i) % people.Count];
                var stars = ((n * 7 + i * 3) % 10) switch { 0 => 3, 1 or 2 => 4, 9 => 2, _ => 5 };
                var at = DaysAgo(2 + (n * 5 + i * 11) % 80);
                db.Ratings.Add(new Rating { UserId = uid, ItemKind = ItemKinds.Dataset, ItemKey = item.Slug, Stars = stars, CreatedAt = at, UpdatedAt = at });
                if (item.Api is { } api && i < 3)
                    db.Ratings.Add(new Rating { UserId = uid, ItemKind = ItemKinds.Api, ItemKey = api, Stars = Math.Max(3, stars), CreatedAt = at, UpdatedAt = at });
            }
            RatedDatasets = true;
        }
    }

    public void AddComments()
    {
        var k = 0;
        foreach (var (item, n) in Every(3, 18))
            for (var i = 0; i < 1 + n % 2; i++, k++)
                db.Comments.Add(NewComment(ItemKinds.Dataset, item.Slug, item, k, answered: k % 3 != 2));
        foreach (var (item, _) in Every(4, 8).Where(p => p.Item.Api is not null))
            db.Comments.Add(NewComment(ItemKinds.Api, item.Api!, item, k++, answered: k % 2 == 0));
        // One held by the sensitive-word check, so the reviewer's queue shows how it works.
        var held = NewComment(ItemKinds.Dataset, items[0].Slug, items[0], k, answered: false);
        held.Status = CommentStatus.Held;
        held.Body = "这个数据能不能加微信私聊要一份完整版？";
        held.HeldReason = "疑似引导私下交易（示例）";
        db.Comments.Add(held);
    }

    private Comment NewComment(string kind, string key, InteractionDemoSeeder.DemoItem item, int k, bool answered)
    {
        var (uid, name) = people[k % people.Count];
        var at = DaysAgo(1 + k * 37 % 60);
        return new Comment
        {
            ItemKind = kind, ItemKey = key, DepartmentCode = item.Dept, UserId = uid, UserName = name, Body = Comments[k % Comments.Length],
            Status = CommentStatus.Visible, CreatedAt = at,
            Reply = answered ? Replies[k % Replies.Length] : null, ReplyDepartment = answered ? item.DeptName : null,
            RepliedAt = answered ? at.AddHours(20 + k % 30) : null,
        };
    }

    public void AddErrorReports()
    {
        var own = items.Where(i => i.Dept == ProviderDept).ToList();
        for (var k = 0; k < Errors.Length; k++)
        {
            var item = own.Count > 0 ? own[k * 3 % own.Count] : items[k * 5 % items.Count];
            var e = Errors[k];
            var at = DaysAgo(3 + k * 6);
            db.ErrorReports.Add(new ErrorReport
            {
                ItemKind = ItemKinds.Dataset, ItemKey = item.Slug, ItemTitle = item.Title, DepartmentCode = item.Dept, UserId = people[k % people.Count].Id,
                Type = e.Type, Description = e.Description, Location = e.Location, Status = e.Status, Reply = e.Reply,
                CreatedAt = at, UpdatedAt = e.Status == ErrorReportStatus.Pending ? at : at.AddDays(1),
            });
        }
    }

    public async Task AddRequestsAsync(CancellationToken ct)
    {
        var opened = items.FirstOrDefault(i => i.Slug.Contains("kongqi")) ?? items[0];
        // Waiting requests go to another department: the provider's answered ones show its queue without crowding its inbox.
        var elsewhere = items.FirstOrDefault(i => i.Dept != ProviderDept)?.Dept;
        for (var k = 0; k < Requests.Length; k++)
        {
            var r = Requests[k];
            var (uid, name) = people[k % people.Count];
            var at = DaysAgo(5 + k * 9);
            var request = new DataRequest
            {
                UserId = uid, UserName = name, Title = r.Title, Description = r.Description, WantedFields = r.Fields, Purpose = r.Purpose,
                DepartmentCode = r.Status == DataRequestStatus.Pending ? elsewhere : k % 2 == 1 ? ProviderDept : null, Status = r.Status, Reply = r.Reply,
                DatasetSlug = r.Status == DataRequestStatus.Opened ? opened.Slug : null,
                Votes = 2 + k * 3 % 7, CreatedAt = at, RepliedAt = r.Reply is null ? null : at.AddDays(2),
            };
            if (request.Status == DataRequestStatus.Opened) request.DepartmentCode = opened.Dept;
            db.DataRequests.Add(request);
            await db.SaveChangesAsync(ct); // the votes need the request's id
            var voters = Math.Min(request.Votes, people.Count);
            for (var v = 0; v < voters; v++)
                db.DataRequestVotes.Add(new DataRequestVote { RequestId = request.Id, UserId = people[(k + v + 1) % people.Count].Id, CreatedAt = at.AddDays(v) });
            request.Votes = voters;
        }
    }

    public void AddFeedback()
    {
        for (var k = 0; k < InteractionDemoText.Feedback.Length; k++)
        {
            var f = InteractionDemoText.Feedback[k];
            var (uid, name) = people[(k + 3) % people.Count];
            var at = DaysAgo(4 + k * 8);
            db.Feedbacks.Add(new Feedback { UserId = uid, UserName = name, Title = f.Title, Body = f.Body, Reply = f.Reply, CreatedAt = at, RepliedAt = f.Reply is null ? null : at.AddDays(1) });
        }
    }

    public async Task AddSurveyAsync(CancellationToken ct)
    {
        var survey = new Survey
        {
            Title = "丽水市公共数据开放平台用户满意度调查（示例）",
            Description = "为了更好地开放数据、改进平台服务，请花两分钟填写本问卷。问卷匿名统计，结果将用于平台改进。",
            OpensAt = DaysAgo(20), ClosesAt = now.AddDays(40), CreatedAt = DaysAgo(21),
            Questions = SurveyQuestions.Select((q, i) => new SurveyQuestion { Position = i + 1, Text = q.Text, Kind = q.Kind, Required = q.Kind != SurveyQuestionKind.Text, Options = q.Options }).ToList(),
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct); // the answers need the question ids
        // Every demo person but the developer has answered, so the developer can still try the form.
        foreach (var ((uid, name), k) in people.Where(p => p.Name != "developer").Select((p, k) => (p, k)))
        {
            var answers = new List<SurveyAnswer>
            {
                new() { QuestionId = survey.Questions[0].Id, Value = (k * 3 % 5).ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new() { QuestionId = survey.Questions[1].Id, Value = string.Join(',', new[] { k % 5, (k + 2) % 5 }.Distinct().Order()) },
                new() { QuestionId = survey.Questions[2].Id, Value = SurveyTexts[k % SurveyTexts.Length] },
            };
            db.SurveyResponses.Add(new SurveyResponse { SurveyId = survey.Id, UserId = uid, CreatedAt = DaysAgo(18 - k * 2), Answers = answers });
        }
    }
}
