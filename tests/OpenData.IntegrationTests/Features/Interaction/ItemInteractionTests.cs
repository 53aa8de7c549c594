using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Infrastructure;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Interaction.InteractionKit;

namespace OpenData.IntegrationTests.Features.Interaction;

/// <summary>收藏 and 评分 through the widgets' form posts, with the dataset's counters kept in step.</summary>
public abstract class ItemInteractionTests(PortalFactory factory)
{
    [Fact]
    public async Task Favorite_toggles_updates_the_dataset_counter_and_is_listed_in_me_favorites()
    {
        var slug = await PublishedDatasetAsync(factory);
        var (client, _) = await SignedInAsync(factory);
        Assert.Contains("还没有收藏", await client.GetStringAsync("/me/favorites"));

        var page = await client.ActAndReadAsync(Act(slug, "favorite"), ItemPage(slug));
        Assert.Contains("已收藏", page);
        Assert.Equal(1, await WithDbAsync(factory, db => db.Datasets.Where(d => d.Slug == slug).Select(d => d.FavoriteCount).SingleAsync()));
        var mine = await client.GetStringAsync("/me/favorites");
        Assert.Contains($"href=\"/datasets/{slug}\"", mine);

        page = await client.ActAndReadAsync(Act(slug, "favorite"), ItemPage(slug));
        Assert.Contains("已取消收藏", page);
        Assert.Equal(0, await WithDbAsync(factory, db => db.Datasets.Where(d => d.Slug == slug).Select(d => d.FavoriteCount).SingleAsync()));
        Assert.Contains("还没有收藏", await client.GetStringAsync("/me/favorites"));
    }

    [Fact]
    public async Task A_second_rating_changes_the_first_and_the_average_and_count_follow()
    {
        var slug = await PublishedDatasetAsync(factory);
        var (alice, _) = await SignedInAsync(factory);
        var (bob, _) = await SignedInAsync(factory);

        Assert.Contains("感谢评分：5 星", await alice.ActAndReadAsync(Act(slug, "rating"), ItemPage(slug), ("stars", "5")));
        await bob.ActAndReadAsync(Act(slug, "rating"), ItemPage(slug), ("stars", "2"));
        var page = await alice.ActAndReadAsync(Act(slug, "rating"), ItemPage(slug), ("stars", "4"));
        Assert.Contains("已将您的评分修改为 4 星", page);
        Assert.Contains("我的评分：4 星", page);
        Assert.Contains("（2 人评价）", page);

        var (count, avg) = await WithDbAsync(factory, async db =>
        {
            var d = await db.Datasets.AsNoTracking().SingleAsync(x => x.Slug == slug);
            return (d.RatingCount, d.RatingAverage);
        });
        Assert.Equal(2, count);
        Assert.Equal(3.0, avg, 2);
        Assert.Equal(2, await WithDbAsync(factory, db => db.Ratings.CountAsync(r => r.ItemKey == slug)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("abc")]
    public async Task Stars_outside_one_to_five_are_refused_with_a_message(string stars)
    {
        var slug = await PublishedDatasetAsync(factory);
        var (client, _) = await SignedInAsync(factory);
        var page = await client.ActAndReadAsync(Act(slug, "rating"), ItemPage(slug), ("stars", stars));
        Assert.Contains("请选择 1 到 5 星", page);
        Assert.Equal(0, await WithDbAsync(factory, db => db.Ratings.CountAsync(r => r.ItemKey == slug)));
    }

    [Fact]
    public async Task Visitors_are_sent_to_sign_in_and_unknown_items_are_not_found()
    {
        var slug = await PublishedDatasetAsync(factory);
        var anon = factory.CreateBrowserClient();
        var page = await anon.GetStringAsync(ItemPage(slug));
        Assert.Contains("登录</a>后可以评分", page);
        var token = HtmlForms.AntiforgeryToken(page);
        var res = await anon.PostAsync(Act(slug, "favorite"), new FormUrlEncodedContent([new("returnUrl", ItemPage(slug)), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.StartsWith("/account/login?returnUrl=", res.Target());

        var (client, _) = await SignedInAsync(factory);
        var missing = await client.ActAndReadAsync("/interact/act/dataset/no-such-dataset/favorite", ItemPage(slug));
        Assert.Contains("没有找到该内容", missing);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/interact/items/dataset/no-such-dataset")).StatusCode);
        // Without the antiforgery token the post changes nothing and says why.
        var forged = await client.PostAsync(Act(slug, "favorite"), new FormUrlEncodedContent([new("returnUrl", ItemPage(slug))]));
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Contains("页面已过期或请求无效", await client.GetStringAsync(ItemPage(slug)));
        Assert.Equal(0, await WithDbAsync(factory, db => db.Favorites.CountAsync(f => f.ItemKey == slug)));
    }
}

public sealed class ItemInteractionTestsSqlite(SqlitePortalFactory f) : ItemInteractionTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class ItemInteractionTestsPostgres(PostgresPortalFactory f) : ItemInteractionTests(f), IClassFixture<PostgresPortalFactory>;
