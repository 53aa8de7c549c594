using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Admin.Settings;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Interaction.InteractionKit;

namespace OpenData.IntegrationTests.Features.Interaction;

/// <summary>评论: encoding, length limits, sensitive words, moderation and the department's reply.</summary>
public abstract class CommentTests(PortalFactory factory)
{
    [Fact]
    public async Task A_comment_is_shown_encoded_and_empty_or_oversize_text_is_refused()
    {
        var slug = await PublishedDatasetAsync(factory);
        var (client, _) = await SignedInAsync(factory);
        var page = await client.ActAndReadAsync(Act(slug, "comments"), ItemPage(slug), ("body", "数据很好<script>window.__xss=1</script>"));
        Assert.Contains("评论已发表", page);
        Assert.Contains("数据很好&lt;script&gt;window.__xss=1&lt;/script&gt;", page);
        Assert.DoesNotContain("<script>window.__xss=1</script>", page);

        Assert.Contains("请填写评论内容", await client.ActAndReadAsync(Act(slug, "comments"), ItemPage(slug), ("body", "   ")));
        Assert.Contains("评论内容不能超过 500 个字", await client.ActAndReadAsync(Act(slug, "comments"), ItemPage(slug), ("body", new string('长', 501))));
        Assert.Equal(1, await WithDbAsync(factory, db => db.Comments.CountAsync(c => c.ItemKey == slug)));
    }

    [Fact]
    public async Task A_sensitive_word_holds_the_comment_until_an_admin_approves_and_hidden_comments_disappear()
    {
        var slug = await PublishedDatasetAsync(factory);
        var (client, _) = await SignedInAsync(factory);
        var page = await client.ActAndReadAsync(Act(slug, "comments"), ItemPage(slug), ("body", "这里有人在搞赌博广告"));
        Assert.Contains("需经管理员审核后显示", page);
        Assert.DoesNotContain("搞赌博广告", page);

        var admin = await AdminBrowserAsync(factory);
        var moderation = await admin.GetStringAsync("/admin/interaction/comments");
        Assert.Contains("搞赌博广告", moderation);
        Assert.Contains("含敏感词“赌博”", moderation);
        var id = await WithDbAsync(factory, db => db.Comments.Where(c => c.ItemKey == slug).Select(c => c.Id).SingleAsync());

        await admin.ActAndReadAsync($"/interact/act/comments/{id}/visibility", "/admin/interaction/comments", ("visible", "true"));
        Assert.Contains("搞赌博广告", await client.GetStringAsync(ItemPage(slug)));
        await admin.ActAndReadAsync($"/interact/act/comments/{id}/visibility", ItemPage(slug), ("visible", "false"));
        Assert.DoesNotContain("搞赌博广告", await client.GetStringAsync(ItemPage(slug)));
        Assert.Equal(CommentStatus.Hidden, await WithDbAsync(factory, db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        Assert.NotEmpty(await AuditAsync(factory, "comment.hidden", $"comment:{id}"));

        // A registered user cannot moderate.
        var refused = await client.ActAsync($"/interact/act/comments/{id}/visibility", ItemPage(slug), ("visible", "true"));
        Assert.NotEqual(CommentStatus.Visible, await WithDbAsync(factory, db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        Assert.True(refused.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Redirect, refused.StatusCode.ToString());
    }

    [Fact]
    public async Task The_admin_sets_a_sensitive_word_on_the_settings_page_and_new_comments_containing_it_are_held_at_once()
    {
        var slug = await PublishedDatasetAsync(factory);
        var admin = await AdminBrowserAsync(factory);
        // The one settings page of the back office holds the list (its default is the built-in list).
        Assert.Contains("赌博", await admin.GetStringAsync("/admin/settings"));
        var form = SettingKeys.All.Where(d => d.Kind != SettingKind.Switch).ToDictionary(d => d.Key, d => d.Default);
        form[SettingKeys.SensitiveWords] = "赌博\n特别禁词";
        var saved = await admin.PostFormAsync("/admin/settings", null, "settings", form.ToList());
        Assert.Equal("/admin/settings?done=1", saved.Target());
        Assert.Equal("/admin/settings#s-content-sensitiveWords", (await admin.GetAsync("/admin/interaction/settings")).Headers.Location?.ToString());
        var (client, _) = await SignedInAsync(factory);
        Assert.Contains("需经管理员审核", await client.ActAndReadAsync(Act(slug, "comments"), ItemPage(slug), ("body", "包含特别禁词的评论")));
        // A word removed from the list no longer holds.
        Assert.Contains("评论已发表", await client.ActAndReadAsync(Act(slug, "comments"), ItemPage(slug), ("body", "关于色情内容的讨论")));
    }

    [Fact]
    public async Task A_list_saved_under_the_former_interaction_key_moves_to_the_settings_key_at_start_up()
    {
        var slug = await PublishedDatasetAsync(factory);
        await WithDbAsync(factory, async db =>
        {
            db.SiteSettings.RemoveRange(db.SiteSettings.Where(x => x.Key == SettingKeys.SensitiveWords));
            db.SiteSettings.Add(new SiteSetting { Key = OpenData.Web.Features.Interaction.LegacySettingsMove.OldSensitiveWordsKey, Value = "赌博\n旧键禁词", UpdatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        await using (var scope = factory.Services.CreateAsyncScope())
            await new OpenData.Web.Features.Interaction.LegacySettingsMove().SeedAsync(scope.ServiceProvider, default);
        Assert.Equal("赌博\n旧键禁词", await WithDbAsync(factory, db => db.SiteSettings.Where(x => x.Key == SettingKeys.SensitiveWords).Select(x => x.Value).SingleAsync()));
        factory.Service<SiteSettingsStore>().Invalidate();
        var (client, _) = await SignedInAsync(factory);
        Assert.Contains("需经管理员审核", await client.ActAndReadAsync(Act(slug, "comments"), ItemPage(slug), ("body", "含有旧键禁词的评论")));
    }

    [Fact]
    public async Task Only_the_items_department_replies_and_the_commenter_is_notified()
    {
        var slug = await PublishedDatasetAsync(factory);
        var (user, commenter) = await SignedInAsync(factory);
        await user.ActAndReadAsync(Act(slug, "comments"), ItemPage(slug), ("body", "希望增加历史数据"));
        var id = await WithDbAsync(factory, db => db.Comments.Where(c => c.ItemKey == slug).Select(c => c.Id).SingleAsync());

        var (other, _) = await SignedInAsync(factory, "Provider", "fgw");
        Assert.DoesNotContain("以部门名义回复", await other.GetStringAsync(ItemPage(slug)));
        Assert.Contains("只有该数据的提供部门可以回复", await other.ActAndReadAsync($"/interact/act/comments/{id}/reply", ItemPage(slug), ("reply", "越权回复")));

        var (provider, _) = await SignedInAsync(factory, "Provider", Dept);
        Assert.Contains("以部门名义回复", await provider.GetStringAsync(ItemPage(slug)));
        Assert.Contains("请填写回复内容", await provider.ActAndReadAsync($"/interact/act/comments/{id}/reply", ItemPage(slug), ("reply", "")));
        var page = await provider.ActAndReadAsync($"/interact/act/comments/{id}/reply", ItemPage(slug), ("reply", "已纳入下季度计划"));
        Assert.Contains("部门回复", page);
        Assert.Contains("已纳入下季度计划", page);
        Assert.Contains("丽水市生态环境局", page);
        Assert.DoesNotContain("越权回复", page);
        Assert.Contains("回复了您的评论", await user.GetStringAsync("/me/messages"));
        Assert.True(await WithDbAsync(factory, db => db.Messages.AnyAsync(m => m.UserId == commenter.Id && m.Category == "评论回复")));
    }
}

public sealed class CommentTestsSqlite(SqlitePortalFactory f) : CommentTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class CommentTestsPostgres(PostgresPortalFactory f) : CommentTests(f), IClassFixture<PostgresPortalFactory>;
