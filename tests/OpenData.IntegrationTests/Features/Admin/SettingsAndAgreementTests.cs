using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Auth;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Admin.BackOfficeKit;
using static OpenData.IntegrationTests.Features.Datasets.DatasetTestKit;

namespace OpenData.IntegrationTests.Features.Admin;

public abstract class SettingsAndAgreementTests(PortalFactory factory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] changes)
    {
        var form = SettingKeys.All.Where(d => d.Kind != SettingKind.Switch).ToDictionary(d => d.Key, d => d.Default);
        foreach (var (k, v) in changes) form[k] = v;
        return form.ToList();
    }

    [Fact]
    public async Task A_notice_banner_appears_at_once_and_the_change_is_audited()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var notice = "平台将于今晚 22:00 维护" + UniqueName("n");
        var saved = await admin.PostFormAsync("/admin/settings", null, "settings", Form((SettingKeys.Notice, notice), (SettingKeys.SiteName, "丽水公共数据开放平台（测试）")));
        Assert.Equal("/admin/settings?done=1", saved.Target());
        var home = await factory.CreateClient().GetStringAsync("/");
        Assert.Contains(notice, home);
        Assert.Contains("<span class=\"brand-name\">丽水公共数据开放平台（测试）</span>", home);
        Assert.Contains(await AuditAsync(factory, AuditActions.SettingChanged, $"setting:{SettingKeys.Notice}"), e => e.Detail.Contains(notice));
    }

    [Fact]
    public async Task Audit_retention_below_180_days_is_refused()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var res = await admin.PostFormAsync("/admin/settings", null, "settings", Form((SettingKeys.AuditRetentionDays, "30")));
        Assert.Contains("审计日志至少保留 180 天", await res.Content.ReadAsStringAsync());
        Assert.Equal(180, (await factory.Service<SiteSettingsStore>().SnapshotAsync()).AuditRetentionDays);
    }

    [Fact]
    public async Task The_smtp_password_is_stored_encrypted_never_shown_or_audited_in_clear_and_kept_when_left_empty()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        const string password = "Smtp#Secret-2026";
        Assert.Equal("/admin/settings?done=1", (await admin.PostFormAsync("/admin/settings", null, "settings", Form((SettingKeys.SmtpPassword, password)))).Target());
        var stored = await WithDbAsync(factory, db => db.SiteSettings.Where(x => x.Key == SettingKeys.SmtpPassword).Select(x => x.Value).SingleAsync());
        Assert.DoesNotContain(password, stored);
        Assert.Equal(password, (await factory.Service<OpenData.Web.Features.Interaction.InteractionSettings>().SmtpAsync()).Password);
        var page = await admin.GetStringAsync("/admin/settings");
        Assert.DoesNotContain(password, page);
        Assert.DoesNotContain(stored, page);
        Assert.Contains("已设置（留空保持不变）", page);
        Assert.All(await AuditAsync(factory, AuditActions.SettingChanged, "setting:" + SettingKeys.SmtpPassword), e => Assert.DoesNotContain(password, e.Detail));

        await admin.PostFormAsync("/admin/settings", null, "settings", Form((SettingKeys.SiteName, "丽水市公共数据开放平台")));
        Assert.Equal(password, (await factory.Service<OpenData.Web.Features.Interaction.InteractionSettings>().SmtpAsync()).Password);
    }

    [Fact]
    public async Task The_upload_limit_setting_applies_to_the_next_upload_without_a_restart()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var provider = await factory.ClientForAsync("provider");
        var created = await provider.CreateDatasetAsync(NewDataset("sthjj", "上传上限测试"));
        Assert.Equal("/admin/settings?done=1", (await admin.PostFormAsync("/admin/settings", null, "settings", Form((SettingKeys.UploadMaxMb, "1")))).Target());
        try
        {
            var big = await provider.UploadAsync(created.Slug, "big.csv", new byte[1024 * 1024 + 10]);
            Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
            Assert.Equal("文件超过大小上限 1 MB", (await big.ReadAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString());
            Assert.Contains("单个文件不超过 1 MB", await provider.GetStringAsync($"/manage/datasets/{created.Slug}/upload"));
        }
        finally
        {
            await admin.PostFormAsync("/admin/settings", null, "settings", Form());
        }
        var ok = await provider.UploadAsync(created.Slug, "big.csv", "编号,名称\n1,甲\n");
        Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        Assert.Contains("单个文件不超过 200 MB", await provider.GetStringAsync($"/manage/datasets/{created.Slug}/upload"));
    }

    [Fact]
    public async Task After_a_new_download_agreement_a_user_must_accept_it_before_downloading_again()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var (user, _) = await SignedInAsync(factory);
        var d = await factory.CreateClient().GetFromJsonAsync<DatasetDetailDto>("/api/v1/datasets/xingji-fandian", Json);
        var url = $"/api/v1/datasets/xingji-fandian/resources/{d!.Resources[0].Id}/download?acceptAgreement=true";
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(url)).StatusCode);
        var before = (await factory.Service<SiteSettingsStore>().SnapshotAsync()).Agreement(AgreementKinds.Download).Version;

        var published = await admin.PostFormAsync("/admin/agreements/download", null, "publish",
            [new("Title", "数据下载协议（修订）"), new("Text", "第一条 新条款。\n第二条 注明来源。")]);
        Assert.Equal("/admin/agreements/download?done=1", published.Target());
        var now = (await factory.Service<SiteSettingsStore>().SnapshotAsync()).Agreement(AgreementKinds.Download);
        Assert.NotEqual(before, now.Version);
        Assert.Single(await AuditAsync(factory, AuditActions.AgreementPublished, "agreement:download"));

        var refused = await user.GetAsync(url);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(DatasetDownloads.AgreementChangedCode, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        // The dataset page's download form sends the user to read and accept the new version, then back.
        var viaPage = await user.GetAsync($"/datasets/xingji-fandian/download?resource={d.Resources[0].Id}&agree=true");
        Assert.Equal("/agreements/download?returnUrl=" + Uri.EscapeDataString($"/datasets/xingji-fandian?resource={d.Resources[0].Id}#download"), viaPage.Target());
        var page = await user.GetStringAsync("/agreements/download?returnUrl=/datasets/xingji-fandian");
        Assert.Contains("第一条 新条款。", page);
        var accepted = await user.PostFormAsync("/agreements/download?returnUrl=/datasets/xingji-fandian", null, "accept",
            [new("Version", now.Version), new("Agree", "true"), new("ReturnUrl", "/datasets/xingji-fandian")]);
        Assert.Equal("/datasets/xingji-fandian", accepted.Target());
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task After_a_new_user_agreement_signed_in_users_are_sent_to_accept_it()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var (user, _) = await SignedInAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/me")).StatusCode);
        await admin.PostFormAsync("/admin/agreements/user", null, "publish", [new("Title", "用户协议（修订）"), new("Text", "新用户条款。")]);
        var version = (await factory.Service<SiteSettingsStore>().SnapshotAsync()).Agreement(AgreementKinds.User).Version;
        Assert.Contains(version, await factory.CreateClient().GetStringAsync("/about/user-agreement"));

        Assert.Equal("/agreements/user?returnUrl=%2Fme", (await user.GetAsync("/me")).Target());
        var ok = await user.PostFormAsync("/agreements/user?returnUrl=%2Fme", null, "accept", [new("Version", version), new("Agree", "true"), new("ReturnUrl", "/me")]);
        Assert.Equal("/me", ok.Target());
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/me")).StatusCode);
    }
}

public sealed class SettingsAndAgreementTestsSqlite(SqlitePortalFactory f) : SettingsAndAgreementTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class SettingsAndAgreementTestsPostgres(PostgresPortalFactory f) : SettingsAndAgreementTests(f), IClassFixture<PostgresPortalFactory>;
