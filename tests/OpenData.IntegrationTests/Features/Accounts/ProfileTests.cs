using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Auth;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;

namespace OpenData.IntegrationTests.Features.Accounts;

public abstract class ProfileTests(PortalFactory factory)
{
    [Fact]
    public async Task Contact_details_can_be_changed_but_not_to_another_users_phone()
    {
        var (client, user) = await SignedInAsync(factory);
        var other = NewRegistration();
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserClient().PostRegistrationAsync(other)).StatusCode);

        var dup = await client.PostFormAsync("/me", null, "profile", Form(other["Input.PhoneNumber"], "new@example.com"));
        var html = await dup.Content.ReadAsStringAsync();
        Assert.Contains("该手机号码已被其他账号使用", html);
        Assert.Contains("value=\"new@example.com\"", html);

        var ok = await client.PostFormAsync("/me", null, "profile", Form("13800001111", $"{UniqueName("e")}@example.com"));
        Assert.Equal("/me?saved=true", ok.Target());
        var saved = await WithDbAsync(factory, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        // Kept encrypted (issue 13): the plain column stays empty, the owner's number decrypts back.
        Assert.Null(saved.PhoneNumber);
        Assert.Equal("138****1111", saved.PhoneMasked);
        Assert.Equal("13800001111", factory.Service<PhoneNumberProtector>().Unprotect(saved));
        Assert.Equal("教育", saved.Industry);
        var audit = Assert.Single(await AuditAsync(factory, AuditActions.ProfileChanged, $"user:{user.UserName}"));
        Assert.DoesNotContain("13800001111", audit.Detail);
        // The session survives the change.
        Assert.Contains("个人资料已保存", await client.GetStringAsync("/me?saved=true"));
    }

    [Fact]
    public async Task A_provider_sees_role_and_department_and_fixed_fields_are_explained()
    {
        var (client, _) = await SignedInAsync(factory, Roles.Provider, "sthjj");
        var html = await client.GetStringAsync("/me");
        Assert.Contains("数据提供方", html);
        Assert.Contains("丽水市生态环境局", html);
        Assert.Contains("不能自行修改", html);
        Assert.Contains("class=\"list-group me-nav", html);
    }

    [Fact]
    public async Task The_password_is_changed_only_with_the_current_one()
    {
        var (client, user) = await SignedInAsync(factory);
        var wrong = await client.PostFormAsync("/me/security", null, "password",
            [new("Password.CurrentPassword", "Nope#12345"), new("Password.NewPassword", "Brand#new2026"), new("Password.ConfirmPassword", "Brand#new2026")]);
        Assert.Contains("当前密码不正确", await wrong.Content.ReadAsStringAsync());
        var weak = await client.PostFormAsync("/me/security", null, "password",
            [new("Password.CurrentPassword", Password), new("Password.NewPassword", "onlyletters"), new("Password.ConfirmPassword", "onlyletters")]);
        Assert.Contains("密码须同时包含字母和数字", await weak.Content.ReadAsStringAsync());

        var ok = await client.PostFormAsync("/me/security", null, "password",
            [new("Password.CurrentPassword", Password), new("Password.NewPassword", "Brand#new2026"), new("Password.ConfirmPassword", "Brand#new2026")]);
        Assert.Equal("/me/security?done=password", ok.Target());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal("/", (await factory.CreateBrowserClient().SignInAsync(user.UserName!, "Brand#new2026")).Target());
    }

    private static KeyValuePair<string, string>[] Form(string phone, string email) =>
        [new("Edit.PhoneNumber", phone), new("Edit.Email", email), new("Edit.Industry", "教育"), new("Edit.Occupation", "教师")];
}

public sealed class ProfileTestsSqlite(SqlitePortalFactory f) : ProfileTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class ProfileTestsPostgres(PostgresPortalFactory f) : ProfileTests(f), IClassFixture<PostgresPortalFactory>;
