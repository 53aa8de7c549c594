using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data.Entities;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Interaction.InteractionKit;

namespace OpenData.IntegrationTests.Features.Interaction;

/// <summary>数据纠错: validation, the department's queue and workbench, status changes told to the reporter, the public log.</summary>
public abstract class ErrorReportTests(PortalFactory factory)
{
    private static (string, string)[] Report(string type, string description, string location = "") =>
        [("type", type), ("description", description), ("location", location)];

    [Fact]
    public async Task Bad_reports_are_refused_with_clear_messages()
    {
        var slug = await PublishedDatasetAsync(factory);
        var (client, _) = await SignedInAsync(factory);
        Assert.Contains("请选择纠错类型", await client.ActAndReadAsync(Act(slug, "error-reports"), ItemPage(slug), Report("Nonsense", "描述")));
        Assert.Contains("请填写问题描述", await client.ActAndReadAsync(Act(slug, "error-reports"), ItemPage(slug), Report("DataError", " ")));
        Assert.Contains("问题描述不能超过 2000 个字", await client.ActAndReadAsync(Act(slug, "error-reports"), ItemPage(slug), Report("DataError", new string('错', 2001))));
        Assert.Contains("出错的字段或行不能超过 200 个字", await client.ActAndReadAsync(Act(slug, "error-reports"), ItemPage(slug), Report("DataError", "描述", new string('行', 201))));
        Assert.Equal(0, await WithDbAsync(factory, db => db.ErrorReports.CountAsync(r => r.ItemKey == slug)));
    }

    [Fact]
    public async Task The_provider_handles_a_report_the_reporter_is_notified_and_the_public_log_shows_the_status()
    {
        var slug = await PublishedDatasetAsync(factory);
        var (user, reporter) = await SignedInAsync(factory);
        var page = await user.ActAndReadAsync(Act(slug, "error-reports"), ItemPage(slug), Report("DataError", "乙站点数值应为 3", "数值 第 2 行"));
        Assert.Contains("纠错已提交", page);
        Assert.Contains("乙站点数值应为 3", page);
        Assert.Contains("待处理", page);
        var id = await WithDbAsync(factory, db => db.ErrorReports.Where(r => r.ItemKey == slug).Select(r => r.Id).SingleAsync());
        var handle = $"/interact/act/error-reports/{id}/handle";
        var handlePage = $"/interact/workbench/error-reports/{id}";

        // The workbench of the dataset's department lists it with the days waited; another department's does not.
        var (provider, _) = await SignedInAsync(factory, "Provider", Dept);
        var bench = await provider.GetStringAsync("/interact/workbench");
        Assert.Contains("乙站点数值应为 3", bench);
        Assert.Contains("0 天", bench);
        var (other, _) = await SignedInAsync(factory, "Provider", "fgw");
        Assert.DoesNotContain("乙站点数值应为 3", await other.GetStringAsync("/interact/workbench"));
        Assert.Contains("不属于您的部门", await other.GetStringAsync(handlePage));
        Assert.Contains("只有该数据的提供部门可以处理", await other.ActAndReadAsync(handle, handlePage, ("status", "Rejected"), ("reply", "越权")));
        // A registered user is not let in at all.
        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await user.GetAsync("/interact/workbench")).StatusCode);

        Assert.Contains("请填写答复", await provider.ActAndReadAsync(handle, handlePage, ("status", "Fixed"), ("reply", "")));
        Assert.Contains("处理结果已保存", await provider.ActAndReadAsync(handle, handlePage, ("status", "InProgress"), ("reply", "")));
        Assert.Contains("处理中", await user.GetStringAsync("/me/messages"));
        await provider.ActAndReadAsync(handle, handlePage, ("status", "Fixed"), ("reply", "已更正为 3，感谢指正"));

        var messages = await user.GetStringAsync("/me/messages");
        Assert.Contains("已修正", messages);
        Assert.Contains("已更正为 3，感谢指正", messages);
        var log = await factory.CreateBrowserClient().GetStringAsync(ItemPage(slug));
        Assert.Contains("已修正", log);
        Assert.Contains("已更正为 3，感谢指正", log);
        Assert.DoesNotContain(reporter.UserName!, log);
        Assert.DoesNotContain("乙站点数值应为 3", await provider.GetStringAsync("/interact/workbench"));
        Assert.Contains("已修正", await user.GetStringAsync("/me/subscriptions"));
        Assert.Equal(ErrorReportStatus.Fixed, await WithDbAsync(factory, db => db.ErrorReports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_workbench_lists_pending_items_of_all_kinds_oldest_first()
    {
        var slug = await PublishedDatasetAsync(factory);
        var (user, _) = await SignedInAsync(factory);
        await user.ActAndReadAsync(Act(slug, "comments"), ItemPage(slug), ("body", "第一条待回复评论"));
        await user.PostFormAsync("/interact/requests/new", null, "data-request", [
            new("Input.Title", "希望开放噪声监测数据"), new("Input.Description", "按小时"), new("Input.Purpose", "研究"), new("Input.Department", Dept)]);
        await user.ActAndReadAsync(Act(slug, "error-reports"), ItemPage(slug), Report("BrokenLink", "最新的纠错"));
        // Make the comment the oldest by a few days.
        await WithDbAsync(factory, db => db.Comments.Where(c => c.ItemKey == slug).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, DateTimeOffset.UtcNow.AddDays(-4))));

        var (provider, _) = await SignedInAsync(factory, "Provider", Dept);
        var bench = await provider.GetStringAsync("/interact/workbench");
        var comment = bench.IndexOf("第一条待回复评论", StringComparison.Ordinal);
        var request = bench.IndexOf("希望开放噪声监测数据", StringComparison.Ordinal);
        var report = bench.IndexOf("最新的纠错", StringComparison.Ordinal);
        Assert.True(comment >= 0 && request > comment && report > request, "oldest first");
        Assert.Contains("4 天", bench);
    }
}

public sealed class ErrorReportTestsSqlite(SqlitePortalFactory f) : ErrorReportTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class ErrorReportTestsPostgres(PostgresPortalFactory f) : ErrorReportTests(f), IClassFixture<PostgresPortalFactory>;
