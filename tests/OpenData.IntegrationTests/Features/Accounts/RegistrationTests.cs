using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Auditing;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;

namespace OpenData.IntegrationTests.Features.Accounts;

public abstract class RegistrationTests(PortalFactory factory)
{
    [Fact]
    public async Task An_empty_form_gets_a_message_beside_every_field()
    {
        var form = NewRegistration().ToDictionary(kv => kv.Key, _ => "");
        form.Remove("Input.AcceptAgreement");
        var res = await factory.CreateBrowserClient().PostRegistrationAsync(form);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        foreach (var (field, message) in new[]
        {
            ("UserName", "请输入登录名"), ("Password", "请输入密码"), ("RealName", "请输入真实姓名"), ("Gender", "请选择性别"),
            ("IdNumber", "请输入身份证号"), ("PhoneNumber", "请输入手机号码"), ("Email", "请输入邮箱"), ("Industry", "请选择行业"),
            ("Occupation", "请选择职业"), ("AcceptAgreement", "请阅读并同意用户协议"),
        })
        {
            Assert.Contains($"id=\"{field}-error\" class=\"field-error\" role=\"alert\">{message}<", html);
            Assert.Matches($"aria-describedby=\"[^\"]*{field}-error\"", html);
        }
    }

    [Fact]
    public async Task Badly_formed_fields_get_their_own_messages_and_typed_values_except_passwords_are_kept()
    {
        var form = NewRegistration();
        form["Input.UserName"] = "1bad name";
        form["Input.Password"] = "short1";
        form["Input.ConfirmPassword"] = "different1";
        form["Input.RealName"] = "X1";
        form["Input.PhoneNumber"] = "12345";
        form["Input.Email"] = "not-an-email";
        form["Input.Industry"] = "不存在的行业";
        var html = await (await factory.CreateBrowserClient().PostRegistrationAsync(form)).Content.ReadAsStringAsync();
        Assert.Contains("登录名为 4–32 位，以字母开头", html);
        Assert.Contains("密码至少 8 位", html);
        Assert.Contains("两次输入的密码不一致", html);
        Assert.Contains("真实姓名应为 2–20 个汉字", html);
        Assert.Contains("手机号码应为 11 位，以 1 开头", html);
        Assert.Contains("邮箱格式不正确", html);
        Assert.Contains("请选择行业", html);
        Assert.Contains("value=\"1bad name\"", html);
        Assert.Contains($"value=\"{form["Input.IdNumber"]}\"", html);
        Assert.DoesNotContain("short1", html);
        Assert.DoesNotContain("different1", html);
    }

    [Fact]
    public async Task A_wrong_check_digit_and_a_gender_that_disagrees_with_the_id_are_refused()
    {
        var client = factory.CreateBrowserClient();
        var form = NewRegistration("女");
        var id = form["Input.IdNumber"];
        form["Input.IdNumber"] = id[..17] + (id[17] == '0' ? '1' : '0');
        Assert.Contains("身份证号校验位不正确，请核对", await (await client.PostRegistrationAsync(form)).Content.ReadAsStringAsync());

        form = NewRegistration("女");
        form["Input.Gender"] = "男";
        Assert.Contains("身份证号与所选性别不一致", await (await client.PostRegistrationAsync(form)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Duplicates_of_login_name_phone_email_and_id_number_are_refused_with_clear_messages()
    {
        var first = NewRegistration();
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserClient().PostRegistrationAsync(first)).StatusCode);

        var second = NewRegistration(first["Input.Gender"]);
        foreach (var key in new[] { "Input.UserName", "Input.PhoneNumber", "Input.Email", "Input.IdNumber" })
            second[key] = first[key];
        var res = await factory.CreateBrowserClient().PostRegistrationAsync(second);
        var html = await res.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("该登录名已被注册，请换一个", html);
        Assert.Contains("该手机号码已被注册", html);
        Assert.Contains("该邮箱已被注册", html);
        Assert.Contains("该身份证号已注册过账号", html);
    }

    [Fact]
    public async Task Registration_signs_in_stores_the_id_number_encrypted_and_shows_it_masked()
    {
        var client = factory.CreateBrowserClient();
        var form = NewRegistration();
        var plain = form["Input.IdNumber"];
        var res = await client.PostRegistrationAsync(form);
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal("/me?welcome=1", res.Target());

        var user = await WithDbAsync(factory, db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == form["Input.UserName"]));
        Assert.NotEqual(plain, user.IdNumberCipher);
        Assert.DoesNotContain(plain, user.IdNumberCipher);
        Assert.Equal(plain, factory.Services.GetRequiredService<IdNumberProtector>().Unprotect(user.IdNumberCipher));
        Assert.Equal(AccountChoices.UserAgreementVersion, user.AgreementVersion);
        Assert.NotNull(user.AgreementAcceptedAt);
        var masked = IdNumber.Mask(plain);
        Assert.Equal(masked, user.IdNumberMasked);

        var me = await client.GetStringAsync("/me?welcome=1");
        Assert.Contains("注册成功，欢迎您，张晓丽", me);
        Assert.Contains(masked, me);
        Assert.DoesNotContain(plain, me);
        Assert.Contains("value=\"信息技术\" selected", me);
        Assert.Contains($"value=\"{form["Input.PhoneNumber"]}\"", me);

        var json = await client.GetFromJsonAsync<MeResponse>("/api/v1/me");
        Assert.Equal(masked, json!.IdNumberMasked);
        Assert.DoesNotContain(plain, await client.GetStringAsync("/api/v1/me"));
        Assert.Single(await AuditAsync(factory, AuditActions.Register, $"user:{form["Input.UserName"]}"));
        Assert.Contains("欢迎加入", await client.GetStringAsync("/me/messages"));
    }
}

public sealed class RegistrationTestsSqlite(SqlitePortalFactory f) : RegistrationTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class RegistrationTestsPostgres(PostgresPortalFactory f) : RegistrationTests(f), IClassFixture<PostgresPortalFactory>;
