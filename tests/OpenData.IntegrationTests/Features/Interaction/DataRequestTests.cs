using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data.Entities;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Interaction.InteractionKit;

namespace OpenData.IntegrationTests.Features.Interaction;

/// <summary>数据请求: asking, +1 once, the department's public answer, filters.</summary>
public abstract class DataRequestTests(PortalFactory factory)
{
    private static Task<HttpResponseMessage> AskAsync(HttpClient c, string title, string dept = Dept, string domain = "10", string description = "需要按月的统计") =>
        c.PostFormAsync("/interact/requests/new", null, "data-request", [
            new("Input.Title", title), new("Input.Description", description), new("Input.WantedFields", "月份,数量"),
            new("Input.Purpose", "学术研究"), new("Input.Department", dept), new("Input.Domain", domain)]);

    private async Task<long> IdOfAsync(string title) =>
        await WithDbAsync(factory, db => db.DataRequests.Where(r => r.Title == title).Select(r => r.Id).SingleAsync());

    [Fact]
    public async Task A_request_is_asked_voted_once_per_user_and_bad_input_is_explained()
    {
        var (alice, _) = await SignedInAsync(factory);
        var empty = await AskAsync(alice, "  ");
        Assert.Contains("请填写标题", await empty.Content.ReadAsStringAsync());
        var tooLong = await AskAsync(alice, "长标题", description: new string('述', 2001));
        Assert.Contains("需求描述不能超过 2000 个字", await tooLong.Content.ReadAsStringAsync());
        Assert.Contains("请选择有效的部门", await (await AskAsync(alice, "部门无效", dept: "nosuch")).Content.ReadAsStringAsync());

        var title = "希望开放" + UniqueName("");
        var res = await AskAsync(alice, title);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var id = await IdOfAsync(title);
        Assert.Equal($"/interact/requests/{id}", res.Target());

        var (bob, _) = await SignedInAsync(factory);
        var page = await bob.ActAndReadAsync($"/interact/act/requests/{id}/vote", $"/interact/requests/{id}");
        Assert.Contains("已记录您的支持", page);
        page = await bob.ActAndReadAsync($"/interact/act/requests/{id}/vote", $"/interact/requests/{id}");
        Assert.Contains("您已经支持过这个请求了", page);
        Assert.Equal(1, await WithDbAsync(factory, db => db.DataRequests.Where(r => r.Id == id).Select(r => r.Votes).SingleAsync()));
        Assert.Equal(1, await WithDbAsync(factory, db => db.DataRequestVotes.CountAsync(v => v.RequestId == id)));
    }

    [Fact]
    public async Task Only_the_requested_department_answers_publicly_and_opened_links_a_published_dataset()
    {
        var slug = await PublishedDatasetAsync(factory);
        var (alice, asker) = await SignedInAsync(factory);
        var title = "空气质量小时数据" + UniqueName("");
        await AskAsync(alice, title);
        var id = await IdOfAsync(title);
        var url = $"/interact/requests/{id}";

        var (other, _) = await SignedInAsync(factory, "Provider", "fgw");
        Assert.DoesNotContain("答复此请求", await other.GetStringAsync(url));
        Assert.DoesNotContain("答复此请求", await alice.GetStringAsync(url));

        var (provider, _) = await SignedInAsync(factory, "Provider", Dept);
        var bad = await provider.PostFormAsync(url, null, "answer", [new("AnswerStatus", "Opened"), new("Reply", "已开放"), new("DatasetSlug", "nope")]);
        Assert.Contains("需要填写已发布数据集的标识", await bad.Content.ReadAsStringAsync());
        var noReason = await provider.PostFormAsync(url, null, "answer", [new("AnswerStatus", "Declined"), new("Reply", "")]);
        Assert.Contains("请填写答复", await noReason.Content.ReadAsStringAsync());

        var ok = await provider.PostFormAsync(url, null, "answer", [new("AnswerStatus", "Opened"), new("Reply", "已按需求开放"), new("DatasetSlug", slug)]);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await factory.CreateBrowserClient().GetStringAsync(url);
        Assert.Contains("已按需求开放", page);
        Assert.Contains($"href=\"/datasets/{slug}\"", page);
        Assert.Contains("已开放", page);
        Assert.True(await WithDbAsync(factory, db => db.Messages.AnyAsync(m => m.UserId == asker.Id && m.Title.Contains(title))));
    }

    [Fact]
    public async Task The_list_filters_by_status_department_and_domain()
    {
        var (alice, _) = await SignedInAsync(factory);
        var a = "甲请求" + UniqueName("");
        var b = "乙请求" + UniqueName("");
        await AskAsync(alice, a, Dept, "10");
        await AskAsync(alice, b, "fgw", "3");
        await WithDbAsync(factory, db => db.DataRequests.Where(r => r.Title == b).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, DataRequestStatus.Declined)));

        var anon = factory.CreateBrowserClient();
        var all = await anon.GetStringAsync("/interact/requests");
        Assert.Contains(a, all);
        Assert.Contains(b, all);
        var byDept = await anon.GetStringAsync($"/interact/requests?org={Dept}");
        Assert.Contains(a, byDept);
        Assert.DoesNotContain(b, byDept);
        var byStatus = await anon.GetStringAsync("/interact/requests?status=Declined");
        Assert.Contains(b, byStatus);
        Assert.DoesNotContain(a, byStatus);
        var byDomain = await anon.GetStringAsync("/interact/requests?domain=3");
        Assert.Contains(b, byDomain);
        Assert.DoesNotContain(a, byDomain);
        Assert.Contains("没有符合条件的数据请求", await anon.GetStringAsync("/interact/requests?org=kjj"));
        Assert.Equal(HttpStatusCode.OK, (await anon.GetAsync("/interact/requests?status=bogus&domain=x")).StatusCode);
    }
}

public sealed class DataRequestTestsSqlite(SqlitePortalFactory f) : DataRequestTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class DataRequestTestsPostgres(PostgresPortalFactory f) : DataRequestTests(f), IClassFixture<PostgresPortalFactory>;
