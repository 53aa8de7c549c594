using System.Security.Claims;
using OpenData.Web.Features.Interaction;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Storage;
using OpenData.Web.Infrastructure.Text;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.News;

public sealed record NewsPreviewRequest(string? Body);
public sealed record NewsPreviewResponse(string Html);

/// <summary>
/// The JSON routes of 政策动态 (architecture.md's URL map), the Atom feeds and attachment downloads. They call the
/// same queries and commands as the pages. The admin routes take JSON only: a cross-site form cannot send it, and
/// the sign-in cookie is SameSite=Lax, as for the platform's other JSON APIs.
/// </summary>
public static class NewsEndpoints
{
    public static void MapNewsEndpoints(this IEndpointRouteBuilder app)
    {
        var news = app.MapGroup("/api/v1/news").WithTags("News");
        news.MapGet("/", async (string? category, string? q, int? page, int? pageSize, NewsQueries queries, CancellationToken ct) =>
        {
            var c = NewsCategories.Parse(category);
            if (!string.IsNullOrEmpty(category) && c is null)
                return ProblemDefaults.Problem(400, "invalid_category", "栏目不存在，可选：" + string.Join("、", NewsCategories.All.Select(NewsCategories.Key)));
            return Results.Ok(await queries.ListAsync(c, q, Paging.Number(page), Paging.Size(pageSize), ct));
        }).WithSummary("政策动态列表（已发布；按栏目 category、关键词 q 筛选，分页）").Produces<Interaction.Paged<NewsListItem>>();
        news.MapGet("/{id:int}", async (int id, ClaimsPrincipal user, NewsQueries queries, CancellationToken ct) =>
            await queries.FindAsync(id, user, ct) is { } a ? Results.Ok(a) : NotFound()).WithSummary("一篇文章：正文（Markdown 及净化后的 HTML）、附件、上一篇和下一篇")
            .Produces<NewsDetail>().ProducesProblem(404);

        var admin = app.MapGroup("/api/v1/admin/news").RequireAuthorization(Policies.Admin).WithTags("Admin");
        admin.MapPost("/", async (NewsInput input, ClaimsPrincipal user, NewsCommands commands, CancellationToken ct) =>
        {
            var o = await commands.SaveAsync(null, input, user, ct);
            return o.Ok ? Results.Created($"/api/v1/news/{o.Id}", new NewsCreated((int)o.Id!, input.Publish ? "published" : "draft", $"/news/{o.Id}"))
                : Refused(o, user);
        }).WithSummary("管理员撰写文章（Markdown 正文；publish 为 true 时发布，可用 publishAt 定时）").Produces<NewsCreated>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
        admin.MapPut("/{id:int}", async (int id, NewsInput input, ClaimsPrincipal user, NewsCommands commands, CancellationToken ct) =>
            Done(await commands.SaveAsync(id, input, user, ct), user)).Produces<OutcomeResponse>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
        admin.MapPost("/{id:int}/publish", async (int id, ClaimsPrincipal user, NewsCommands commands, CancellationToken ct) =>
            Done(await commands.SetPublishedAsync(id, true, user, ct), user)).Produces<OutcomeResponse>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
        admin.MapPost("/{id:int}/unpublish", async (int id, ClaimsPrincipal user, NewsCommands commands, CancellationToken ct) =>
            Done(await commands.SetPublishedAsync(id, false, user, ct), user)).Produces<OutcomeResponse>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
        // The editor's live preview: exactly the HTML the article page will show.
        admin.MapPost("/preview", (NewsPreviewRequest r, SafeMarkdown markdown) => Results.Ok(new NewsPreviewResponse(markdown.ToHtml(r.Body))))
            .ExcludeFromDescription();

        app.MapGet("/news/feed.atom", NewsFeed.GetAsync).ExcludeFromDescription();
        app.MapGet("/news/{id:int}/attachments/{fileId:int}", async (int id, int fileId, ClaimsPrincipal user, NewsQueries queries, IFileStore files, CancellationToken ct) =>
        {
            var f = await queries.AttachmentAsync(id, fileId, user, ct);
            if (f is null) return Results.NotFound();
            return Results.Stream(files.OpenRead(f.FileHash), f.ContentType, f.FileName);
        }).ExcludeFromDescription();
    }

    private static IResult Done(Outcome o, ClaimsPrincipal user) =>
        o.Ok ? Results.Ok(new OutcomeResponse(o.Message ?? "", o.Id)) : Refused(o, user);

    private static IResult Refused(Outcome o, ClaimsPrincipal user) => InteractionApi.Problem(o, user);

    private static IResult NotFound() => ProblemDefaults.Problem(404, "not_found", "文章不存在或尚未发布。");
}
