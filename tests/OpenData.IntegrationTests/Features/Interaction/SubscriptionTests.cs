using System.Net.Http.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Features.Datasets;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Features.Interaction;
using OpenData.Web.Infrastructure.Web;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Interaction.InteractionKit;

namespace OpenData.IntegrationTests.Features.Interaction;

/// <summary>订阅: messages on new versions and metadata changes, e-mail only when SMTP is on, the Atom feed; the review queues.</summary>
public abstract class SubscriptionTests(PortalFactory factory)
{
    private sealed class RecordingMailSender : IMailSender
    {
        public List<(string To, string Subject)> Sent { get; } = [];
        public Task SendAsync(SmtpSettings smtp, string to, string subject, string body, CancellationToken ct)
        {
            lock (Sent) Sent.Add((to, subject));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Subscribers_get_a_message_on_a_new_version_and_on_a_metadata_change_and_mail_only_when_smtp_is_on()
    {
        var mail = new RecordingMailSender();
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IMailSender>(mail)));
        var slug = await PublishedDatasetAsync(factory);
        var (user, me) = await SignedInAsync(factory);
        var email = $"{UniqueName("m")}@example.com";
        await WithDbAsync(factory, db => db.Users.Where(u => u.Id == me.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, email)));
        var page = await user.ActAndReadAsync($"/interact/act/datasets/{slug}/subscription", ItemPage(slug));
        Assert.Contains("已订阅", page);
        Assert.Contains($"href=\"/datasets/{slug}\"", await user.GetStringAsync("/me/subscriptions"));

        // The provider acts through the host with the recording mail sender (same database).
        var provider = app.CreateClient();
        provider.DefaultRequestHeaders.Authorization = (await factory.ClientForAsync("provider")).DefaultRequestHeaders.Authorization;
        Assert.True((await provider.UploadAsync(slug, "data.csv", "站点,数值\n甲,5\n", "data")).IsSuccessStatusCode);
        var messages = await WithDbAsync(factory, db => db.Messages.Where(m => m.UserId == me.Id && m.Category == "订阅更新").ToListAsync());
        Assert.Single(messages);
        Assert.Contains("发布了新版本", messages[0].Title);
        Assert.Contains("第 2 版", messages[0].Body);
        Assert.Empty(mail.Sent); // SMTP is off by default: nothing is attempted

        // SMTP is switched on through the back office's settings (the one source of truth), on the host that sends.
        using (var scope = app.Services.CreateScope())
        {
            var errors = await scope.ServiceProvider.GetRequiredService<SettingsCommands>().SaveAsync(new Dictionary<string, string>
            {
                [SettingKeys.SmtpEnabled] = "true", [SettingKeys.SmtpHost] = "smtp.example.invalid", [SettingKeys.SmtpFrom] = "noreply@example.com",
            }, TestAdmin());
            Assert.Empty(errors!);
        }
        var put = await provider.PutAsJsonAsync($"/api/v1/manage/datasets/{slug}", new
        {
            title = "改名后的数据集", summary = "新的简介", organization = Dept, domain = 10, tags = new[] { "测试" },
            openCondition = "open", updateFrequency = "monthly", county = "331102",
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var changed = await WithDbAsync(factory, db => db.Messages.Where(m => m.UserId == me.Id && m.Title.Contains("信息有变更")).ToListAsync());
        Assert.Single(changed);
        Assert.Contains("名称", changed[0].Body);
        Assert.Equal([(email, changed[0].Title)], mail.Sent);
        Assert.Contains("信息有变更", await user.GetStringAsync("/me/messages"));
    }

    [Fact]
    public async Task A_new_version_is_announced_only_once_its_ingestion_succeeded_and_it_is_served()
    {
        var slug = await PublishedDatasetAsync(factory);
        var (user, me) = await SignedInAsync(factory);
        await user.ActAndReadAsync($"/interact/act/datasets/{slug}/subscription", ItemPage(slug));
        var provider = await factory.ClientForAsync("provider");
        Task<int> AnnouncedAsync() => WithDbAsync(factory, db => db.Messages.CountAsync(m => m.UserId == me.Id && m.Category == "订阅更新"));

        // A version whose load fails is never served, so it is never announced.
        var failed = await provider.UploadAsync(slug, "data.xlsx", [1, 2, 3, 4, 5, 6, 7, 8], "data");
        Assert.Equal("failed", (await failed.ReadAsync<OpenData.Web.Features.Datasets.JobDto>()).State);
        Assert.Equal(0, await AnnouncedAsync());

        // While the next version loads, nobody hears of it: whenever the message exists, its job has succeeded.
        using var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("站点,数值\n甲,7\n")), "file", "data.csv" } };
        form.Add(new StringContent("data"), "name");
        var res = await provider.PostAsync($"/api/v1/manage/datasets/{slug}/resources", form);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, res.StatusCode);
        var jobId = long.Parse(res.Headers.Location!.ToString().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var early = await AnnouncedAsync();
        var state = await WithDbAsync(factory, db => db.Jobs.Where(j => j.Id == jobId).Select(j => j.State).SingleAsync());
        Assert.True(early == 0 || state == JobState.Succeeded, $"announced while the job was {state}");

        Assert.Equal("succeeded", (await provider.WaitForJobAsync(res.Headers.Location!.ToString())).State);
        var message = Assert.Single(await WithDbAsync(factory, db => db.Messages.Where(m => m.UserId == me.Id && m.Category == "订阅更新").ToListAsync()));
        Assert.Contains("第 3 版", message.Body);
        var resourceId = await WithDbAsync(factory, db => db.Resources.Where(r => r.Dataset!.Slug == slug).Select(r => r.Id).SingleAsync());
        using var scope = factory.Services.CreateScope();
        var served = await scope.ServiceProvider.GetRequiredService<OpenData.Web.Features.Datastore.IResourceTables>().CurrentAsync(resourceId, default);
        Assert.Equal(3, served?.VersionNumber);
    }

    /// <summary>A system administrator who signed in with the second factor, for commands run outside a request.</summary>
    internal static System.Security.Claims.ClaimsPrincipal TestAdmin() => new(new System.Security.Claims.ClaimsIdentity(
    [
        new(System.Security.Claims.ClaimTypes.Name, "admin"), new(System.Security.Claims.ClaimTypes.Role, OpenData.Web.Infrastructure.Auth.Roles.Admin),
        new(OpenData.Web.Features.Accounts.AccountsFeature.MfaClaim, "mfa"),
    ], "test"));

    [Fact]
    public async Task The_atom_feed_is_valid_xml_with_the_dataset_updates()
    {
        var slug = await PublishedDatasetAsync(factory);
        var provider = await factory.ClientForAsync("provider");
        await provider.UploadAsync(slug, "data.csv", "站点,数值\n甲,9\n", "data");
        var res = await factory.CreateClient().GetAsync($"/datasets/{slug}/feed.atom");
        Assert.Equal("application/atom+xml", res.Content.Headers.ContentType?.MediaType);
        var doc = XDocument.Parse(await res.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(atom + "feed", doc.Root!.Name);
        Assert.NotNull(doc.Root.Element(atom + "id"));
        Assert.NotNull(doc.Root.Element(atom + "updated"));
        var entries = doc.Root.Elements(atom + "entry").ToList();
        Assert.Contains(entries, e => e.Element(atom + "title")!.Value.Contains("发布了新版本") && e.Element(atom + "category")!.Attribute("term")!.Value == "version");
        Assert.All(entries, e => Assert.True(DateTimeOffset.TryParse(e.Element(atom + "updated")!.Value, out _)));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/datasets/no-such/feed.atom")).StatusCode);
    }

    [Fact]
    public async Task Review_queues_count_held_comments_and_overdue_requests_and_reports_and_the_nav_links_interact()
    {
        var slug = await PublishedDatasetAsync(factory);
        var (user, _) = await SignedInAsync(factory);
        await user.ActAndReadAsync(Act(slug, "comments"), ItemPage(slug), ("body", "涉及诈骗的评论"));
        await user.ActAndReadAsync(Act(slug, "error-reports"), ItemPage(slug), ("type", "Other"), ("description", "旧的纠错"));
        await user.PostFormAsync("/interact/requests/new", null, "data-request", [new("Input.Title", "旧的请求"), new("Input.Description", "描述"), new("Input.Purpose", "用途")]);
        await WithDbAsync(factory, db => db.ErrorReports.Where(r => r.ItemKey == slug).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, DateTimeOffset.UtcNow.AddDays(-8))));
        await WithDbAsync(factory, db => db.DataRequests.Where(r => r.Title == "旧的请求").ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, DateTimeOffset.UtcNow.AddDays(-8))));

        using var scope = factory.Services.CreateScope();
        var queues = scope.ServiceProvider.GetServices<IReviewQueue>().ToList();
        var status = new Dictionary<string, ReviewQueueStatus>();
        foreach (var q in queues) { var s = await q.StatusAsync(new System.Security.Claims.ClaimsPrincipal(), default); status[s.Key] = s; }
        Assert.True(status["held-comments"].Count >= 1);
        Assert.True(status["overdue-error-reports"].Count >= 1);
        Assert.True(status["overdue-data-requests"].Count >= 1);
        Assert.NotNull(status["overdue-data-requests"].OldestAt);
        Assert.Contains("href=\"/interact\"", await factory.CreateClient().GetStringAsync("/"));
        var hub = await factory.CreateClient().GetStringAsync("/interact");
        Assert.Contains("旧的请求", hub);
    }
}

public sealed class SubscriptionTestsSqlite(SqlitePortalFactory f) : SubscriptionTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class SubscriptionTestsPostgres(PostgresPortalFactory f) : SubscriptionTests(f), IClassFixture<PostgresPortalFactory>;
