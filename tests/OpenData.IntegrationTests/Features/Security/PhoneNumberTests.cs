using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Auth;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Admin.BackOfficeKit;

namespace OpenData.IntegrationTests.Features.Security;

/// <summary>Phone numbers are treated like ID numbers: encrypted at rest, masked for staff, revealed with an audited reason.</summary>
public abstract class PhoneNumberTests(PortalFactory factory)
{
    [Fact]
    public async Task A_registered_phone_number_is_stored_encrypted_masked_for_admins_and_revealed_only_with_a_reason()
    {
        var form = NewRegistration();
        var phone = form["Input.PhoneNumber"];
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserClient().PostRegistrationAsync(form)).StatusCode);
        var name = form["Input.UserName"];

        // At rest: no column of the user's row holds the number.
        var row = await WithDbAsync(factory, db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == name));
        Assert.Null(row.PhoneNumber);
        Assert.DoesNotContain(phone, row.PhoneCipher);
        Assert.Equal(phone[..3] + "****" + phone[^4..], row.PhoneMasked);
        var everything = string.Join("|", typeof(AppUser).GetProperties().Select(p => p.GetValue(row)?.ToString()));
        Assert.DoesNotContain(phone, everything);

        // The same number cannot register twice (found through the keyed hash).
        var again = NewRegistration();
        again["Input.PhoneNumber"] = phone;
        Assert.Contains("该手机号码已被注册", await (await factory.CreateBrowserClient().PostRegistrationAsync(again)).Content.ReadAsStringAsync());

        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var page = await admin.GetStringAsync($"/admin/users/{row.Id}");
        Assert.Contains($"id=\"phone-number\">{row.PhoneMasked}<", page);
        Assert.DoesNotContain(phone, page);
        Assert.Contains(row.UserName!, await admin.GetStringAsync($"/admin/users?q={phone}"));

        var noReason = await admin.PostFormAsync($"/admin/users/{row.Id}", null, "unmask-phone", [new("PhoneReason", "")]);
        Assert.Contains("请填写查看完整手机号码的理由", await noReason.Content.ReadAsStringAsync());
        Assert.Empty(await AuditAsync(factory, AuditActions.PhoneUnmasked, $"user:{name}"));
        var shown = await (await admin.PostFormAsync($"/admin/users/{row.Id}", null, "unmask-phone", [new("PhoneReason", "核对联系方式投诉")])).Content.ReadAsStringAsync();
        Assert.Contains($"id=\"phone-number\">{phone}<", shown);
        Assert.Contains("核对联系方式投诉", Assert.Single(await AuditAsync(factory, AuditActions.PhoneUnmasked, $"user:{name}")).Detail);
    }

    [Fact]
    public async Task The_owner_sees_and_changes_their_own_number()
    {
        var form = NewRegistration();
        var client = factory.CreateBrowserClient();
        await client.PostRegistrationAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(form["Input.UserName"], Password)).StatusCode);
        Assert.Contains(form["Input.PhoneNumber"], await client.GetStringAsync("/api/v1/me"));
        var user = await factory.Service<UserManager<AppUser>>().FindByNameAsync(form["Input.UserName"]);
        Assert.Null(user!.PhoneNumber);
    }
}

public sealed class PhoneNumberTestsSqlite(SqlitePortalFactory f) : PhoneNumberTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class PhoneNumberTestsPostgres(PostgresPortalFactory f) : PhoneNumberTests(f), IClassFixture<PostgresPortalFactory>;
