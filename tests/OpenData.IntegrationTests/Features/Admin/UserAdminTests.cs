using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.Admin.Users;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Auth;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Admin.BackOfficeKit;

namespace OpenData.IntegrationTests.Features.Admin;

public abstract class UserAdminTests(PortalFactory factory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<(string UserName, string Id)> RegisteredAsync()
    {
        var form = NewRegistration();
        var res = await factory.CreateBrowserClient().PostRegistrationAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var user = await factory.Service<UserManager<AppUser>>().FindByNameAsync(form["Input.UserName"]);
        return (form["Input.UserName"], user!.Id);
    }

    [Fact]
    public async Task The_user_list_filters_by_role_and_keyword_and_the_api_shows_only_masked_id_numbers()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var provider = await CreateUserAsync(factory, Roles.Provider, "sthjj");
        var (registered, _) = await RegisteredAsync();

        var page = await admin.GetStringAsync($"/admin/users?role=Provider&q={provider.UserName}");
        Assert.Contains(provider.UserName!, page);
        Assert.Contains("共 1 个用户", page);
        Assert.DoesNotContain(registered, await admin.GetStringAsync("/admin/users?role=Provider"));

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?q={registered}&from={today}&to={today}", Json);
        var item = list.GetProperty("items")[0];
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Matches(@"^\d{4}\*{10}\d{3}[\dX]$", item.GetProperty("idNumberMasked").GetString()!);
        Assert.DoesNotContain("idNumberCipher", list.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Unmasking_an_id_number_needs_a_reason_and_is_audited_with_it()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var (name, id) = await RegisteredAsync();
        var noReason = await admin.PostFormAsync($"/admin/users/{id}", null, "unmask", [new("Reason", "")]);
        Assert.Contains("请填写查看完整身份证号的理由", await noReason.Content.ReadAsStringAsync());
        Assert.Empty(await AuditAsync(factory, AuditActions.IdNumberUnmasked, $"user:{name}"));

        var shown = await (await admin.PostFormAsync($"/admin/users/{id}", null, "unmask", [new("Reason", "核对实名信息投诉")])).Content.ReadAsStringAsync();
        Assert.Matches(@"id=""id-number"">\d{17}[\dX]<", shown);
        var entry = Assert.Single(await AuditAsync(factory, AuditActions.IdNumberUnmasked, $"user:{name}"));
        Assert.Contains("核对实名信息投诉", entry.Detail);
    }

    [Fact]
    public async Task No_one_may_hold_system_administration_review_and_audit_together()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var target = await CreateUserAsync(factory);
        var all = await admin.PostFormAsync($"/admin/users/{target.Id}", null, "roles",
            [new("RoleNames", Roles.Admin), new("RoleNames", Roles.Reviewer), new("RoleNames", Roles.Auditor), new("Org", "")]);
        Assert.Contains(UserAdminCommands.SeparationError, await all.Content.ReadAsStringAsync());
        Assert.Empty(await factory.Service<UserManager<AppUser>>().GetRolesAsync((await factory.Service<UserManager<AppUser>>().FindByIdAsync(target.Id))!));

        var two = await admin.PostFormAsync($"/admin/users/{target.Id}", null, "roles",
            [new("RoleNames", Roles.Reviewer), new("RoleNames", Roles.Provider), new("Org", "sthjj")]);
        Assert.Equal($"/admin/users/{target.Id}?done=1", two.Target());
        var users = factory.Service<UserManager<AppUser>>();
        var after = (await users.FindByIdAsync(target.Id))!;
        Assert.Equal([Roles.Provider, Roles.Reviewer], (await users.GetRolesAsync(after)).Order().ToArray());
        Assert.NotNull(after.DepartmentId);
        Assert.Contains(await AuditAsync(factory, AuditActions.RoleChanged, $"user:{target.UserName}"), e => e.Detail == "+Reviewer");
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_until_enabled_again()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var target = await CreateUserAsync(factory);
        Assert.Equal($"/admin/users/{target.Id}?done=1", (await admin.PostFormAsync($"/admin/users/{target.Id}", null, "toggle", [])).Target());
        var refused = await factory.CreateBrowserClient().SignInAsync(target.UserName!, Password);
        Assert.Contains(AccountSignIn.DisabledMessage, await refused.Content.ReadAsStringAsync());
        Assert.Single(await AuditAsync(factory, AuditActions.Disabled, $"user:{target.UserName}"));

        await admin.PostFormAsync($"/admin/users/{target.Id}", null, "toggle", []);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserClient().SignInAsync(target.UserName!, Password)).StatusCode);
    }

    [Fact]
    public async Task A_forced_password_change_holds_the_user_on_the_security_page_until_done()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var target = await CreateUserAsync(factory);
        await admin.PostFormAsync($"/admin/users/{target.Id}", null, "force-password", []);
        var client = factory.CreateBrowserClient();
        await client.SignInAsync(target.UserName!, Password);
        Assert.Equal("/me/security?must=password", (await client.GetAsync("/me")).Target());
        Assert.Contains("平台管理员要求您修改密码", await client.GetStringAsync("/me/security?must=password"));

        var changed = await client.PostFormAsync("/me/security", null, "password",
            [new("Password.CurrentPassword", Password), new("Password.NewPassword", "Changed#2026b"), new("Password.ConfirmPassword", "Changed#2026b")]);
        Assert.Equal("/me/security?done=password", changed.Target());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me")).StatusCode);
    }

    [Fact]
    public async Task Resetting_two_factor_switches_it_off_and_is_audited()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var (_, other) = await BackOfficeClientAsync(factory, Roles.Reviewer);
        await admin.PostFormAsync($"/admin/users/{other.Id}", null, "reset-2fa", []);
        Assert.False((await factory.Service<UserManager<AppUser>>().FindByIdAsync(other.Id))!.TwoFactorEnabled);
        Assert.Single(await AuditAsync(factory, AuditActions.TwoFactorReset, $"user:{other.UserName}"));
    }
}

public sealed class UserAdminTestsSqlite(SqlitePortalFactory f) : UserAdminTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class UserAdminTestsPostgres(PostgresPortalFactory f) : UserAdminTests(f), IClassFixture<PostgresPortalFactory>;
