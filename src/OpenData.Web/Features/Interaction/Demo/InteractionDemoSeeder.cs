using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Data;
using static OpenData.Web.Features.Interaction.Demo.InteractionDemoText;

namespace OpenData.Web.Features.Interaction.Demo;

/// <summary>
/// A living demo: ratings and comments (many answered by the department) on datasets and APIs, error reports,
/// data requests in every state, feedback with replies and an open survey with answers, so no public list or
/// back-office queue of the demo accounts is empty. Each kind is added only when the database has none of it;
/// everything is written in a few bulk saves (the tests seed the demo for every class).
/// </summary>
public sealed class InteractionDemoSeeder : IDemoSeeder
{
    public int Order => 40;

    public async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        var items = await db.Datasets.AsNoTracking().Where(d => d.IsPublished && d.IsSample).OrderBy(d => d.Id)
            .Select(d => new DemoItem(d.Slug, d.Title, d.Department!.Code, d.Department.Name,
                d.Resources.Where(r => r.ApiCode != "" && r.Versions.Any(v => v.Number == r.CurrentVersion && v.TableName != null))
                    .OrderBy(r => r.Id).Select(r => r.ApiCode).FirstOrDefault()))
            .ToListAsync(ct);
        if (items.Count == 0) return;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var people = await PeopleAsync(db, sp.GetRequiredService<UserManager<AppUser>>(), now, ct);
        var seeding = new DemoRun(db, items, people, now);
        if (!await db.Ratings.AnyAsync(r => r.ItemKind == ItemKinds.Dataset || r.ItemKind == ItemKinds.Api, ct)) seeding.AddRatings();
        if (!await db.Comments.AnyAsync(c => c.ItemKind == ItemKinds.Dataset || c.ItemKind == ItemKinds.Api, ct)) seeding.AddComments();
        if (!await db.ErrorReports.AnyAsync(ct)) seeding.AddErrorReports();
        if (!await db.DataRequests.AnyAsync(ct)) await seeding.AddRequestsAsync(ct);
        if (!await db.Feedbacks.AnyAsync(ct)) seeding.AddFeedback();
        if (!await db.Surveys.AnyAsync(ct)) await seeding.AddSurveyAsync(ct);
        await db.SaveChangesAsync(ct);
        if (seeding.RatedDatasets) await UpdateDatasetFiguresAsync(db, ct);
        sp.GetRequiredService<ILogger<InteractionDemoSeeder>>().LogInformation("Demo participation seeded in {Ms} ms", watch.ElapsedMilliseconds);
    }

    internal sealed record DemoItem(string Slug, string Title, string Dept, string DeptName, string? Api);

    /// <summary>The demo citizens (created without a password) and the demo developer, as (id, user name).</summary>
    private static async Task<List<(string Id, string Name)>> PeopleAsync(PortalDbContext db, UserManager<AppUser> users, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var (name, real) in Citizens)
            if (await users.FindByNameAsync(name) is null)
            {
                var created = await users.CreateAsync(new AppUser
                {
                    UserName = name, Email = $"{name}@demo.example.cn", RealName = real + "（示例用户）", CreatedAt = now.AddDays(-120),
                });
                if (!created.Succeeded) throw new InvalidOperationException("demo user: " + string.Join("；", created.Errors.Select(e => e.Description)));
            }
        var names = Citizens.Select(c => c.UserName).Append("developer").ToList();
        var found = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).Select(u => new { u.Id, u.UserName }).ToListAsync(ct);
        return names.SelectMany(n => found.Where(f => f.UserName == n).Select(f => (f.Id, n))).ToList();
    }

    /// <summary>The datasets' denormalized rating figures (list sorts use them), as the rating command keeps them.</summary>
    private static async Task UpdateDatasetFiguresAsync(PortalDbContext db, CancellationToken ct)
    {
        var figures = await db.Ratings.AsNoTracking().Where(r => r.ItemKind == ItemKinds.Dataset)
            .GroupBy(r => r.ItemKey).Select(g => new { g.Key, Count = g.Count(), Average = g.Average(r => (double)r.Stars) }).ToListAsync(ct);
        foreach (var f in figures)
        {
            var average = Math.Round(f.Average, 1);
            await db.Datasets.Where(d => d.Slug == f.Key).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.RatingCount, f.Count).SetProperty(d => d.RatingAverage, average), ct);
        }
    }
}
