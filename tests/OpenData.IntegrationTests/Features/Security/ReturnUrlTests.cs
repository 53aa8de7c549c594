using System.Net;
using OpenData.IntegrationTests.Infrastructure;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;

namespace OpenData.IntegrationTests.Features.Security;

/// <summary>A control character in returnUrl used to make LocalRedirect throw (500); now it goes home.</summary>
public abstract class ReturnUrlTests(PortalFactory factory)
{
    public static TheoryData<string> Bad => new() { "/\t/evil.example.com", "/datasets\n", "/a\u0001b" };

    [Theory, MemberData(nameof(Bad))]
    public async Task Display_preference_post_with_a_control_character_redirects_home(string returnUrl)
    {
        var client = factory.CreateBrowserClient();
        var res = await client.PostFormAsync("/", "/preferences/display", null, [new("large", "1"), new("returnUrl", returnUrl)]);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal("/", res.Target());
    }

    [Theory, MemberData(nameof(Bad))]
    public async Task Interaction_form_post_with_a_control_character_redirects_home(string returnUrl)
    {
        var (client, _) = await SignedInAsync(factory);
        var res = await client.PostFormAsync("/datasets/kongqi-zhiliang-ribao", "/interact/act/dataset/kongqi-zhiliang-ribao/favorite", null,
            [new("returnUrl", returnUrl)]);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal("/#favorite", res.Target());
    }
}

public sealed class ReturnUrlTestsSqlite(SqlitePortalFactory f) : ReturnUrlTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class ReturnUrlTestsPostgres(PostgresPortalFactory f) : ReturnUrlTests(f), IClassFixture<PostgresPortalFactory>;
