using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Infrastructure;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Interaction.InteractionKit;

namespace OpenData.IntegrationTests.Features.Interaction;

/// <summary>收藏, 评分, 评论 and 数据纠错 on an API through the same widgets as datasets, routed to the API's department.</summary>
public abstract partial class ApiItemInteractionTests(PortalFactory factory)
{
    [Fact]
    public async Task Users_rate_comment_report_and_favorite_an_api_and_its_provider_sees_them_in_the_workbench()
    {
        var slug = await PublishedDatasetAsync(factory);
        var code = await WithDbAsync(factory, db => db.Resources.Where(r => r.Dataset!.Slug == slug).Select(r => r.ApiCode).SingleAsync());
        var page = $"/apis/{code}";
        string ApiAct(string action) => $"/interact/act/api/{code}/{action}";
        var (alice, _) = await SignedInAsync(factory);
        var (bob, _) = await SignedInAsync(factory);

        var html = await alice.GetStringAsync(page);
        Assert.Contains($"action=\"{ApiAct("favorite")}\"", html);
        Assert.Contains("id=\"rating\"", html);
        Assert.Contains("id=\"comments\"", html);
        Assert.Contains("id=\"corrections\"", html);

        Assert.Contains("感谢评分：5 星", await alice.ActAndReadAsync(ApiAct("rating"), page, ("stars", "5")));
        var rated = await bob.ActAndReadAsync(ApiAct("rating"), page, ("stars", "2"));
        Assert.Contains("（2 人评价）", rated);
        Assert.Contains("3.5", rated);

        var commented = await alice.ActAndReadAsync(ApiAct("comments"), page, ("body", "接口返回很快，希望增加字段说明"));
        Assert.Contains("评论已发表", commented);
        Assert.Contains("接口返回很快，希望增加字段说明", commented);
        Assert.Contains("纠错已提交", await alice.ActAndReadAsync(ApiAct("error-reports"), page, ("type", "BrokenLink"), ("description", "示例里的链接打不开")));
        Assert.Contains("示例里的链接打不开", await factory.CreateClient().GetStringAsync(page)); // the public correction log
        Assert.Equal(Dept, await WithDbAsync(factory, db => db.ErrorReports.Where(r => r.ItemKind == "api" && r.ItemKey == code).Select(r => r.DepartmentCode).SingleAsync()));

        // The API's department sees both in its workbench and replies as the department on the API page.
        var (provider, _) = await SignedInAsync(factory, "Provider", Dept);
        var bench = await provider.GetStringAsync("/interact/workbench");
        Assert.Contains("示例里的链接打不开", bench);
        Assert.Contains("接口返回很快", bench);
        Assert.Contains($"href=\"/apis/{code}#comments\"", bench);
        var (other, _) = await SignedInAsync(factory, "Provider", "fgw");
        Assert.DoesNotContain("示例里的链接打不开", await other.GetStringAsync("/interact/workbench"));
        var commentId = await WithDbAsync(factory, db => db.Comments.Where(c => c.ItemKind == "api" && c.ItemKey == code).Select(c => c.Id).SingleAsync());
        var replied = await provider.ActAndReadAsync($"/interact/act/comments/{commentId}/reply", page, ("reply", "字段说明已补充"));
        Assert.Contains("部门回复", replied);
        Assert.Contains("丽水市生态环境局", replied);

        // 收藏: on the card and the page, listed in /me/favorites as an API. The list is narrowed to this test's APIs:
        // the demo catalog rates many APIs of its own.
        var rankedList = "/apis?sort=rating&q=" + Uri.EscapeDataString("互动测试数据");
        Assert.Contains("已收藏", await alice.ActAndReadAsync(ApiAct("favorite"), rankedList));
        var favorites = await alice.GetStringAsync("/me/favorites");
        Assert.Contains($"href=\"/apis/{code}\"", favorites);
        Assert.Contains("接口</span>", favorites);

        // The API's own average and count are on its card, and the 评分 sort puts it first (the others are unrated).
        var list = await alice.GetStringAsync(rankedList);
        Assert.Equal(code, CardLink().Match(list).Groups[1].Value);
        Assert.Contains("评分 3.5，2 人评价", list);
        Assert.Contains("aria-pressed=\"true\"", list);
    }

    [GeneratedRegex("card-title mb-1\"><a href=\"/apis/([^\"]+)\"")] private static partial Regex CardLink();
}

public sealed class ApiItemInteractionTestsSqlite(SqlitePortalFactory f) : ApiItemInteractionTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class ApiItemInteractionTestsPostgres(PostgresPortalFactory f) : ApiItemInteractionTests(f), IClassFixture<PostgresPortalFactory>;
