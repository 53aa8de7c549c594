using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.Web.Features.Accounts;

public sealed partial class AccountCommands(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, PortalDbContext db,
    IdNumberProtector ids, PhoneNumberProtector phones, AuditLog audit, TimeProvider clock, OpenData.Web.Features.Admin.Settings.SiteSettingsStore settings)
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")] private static partial Regex MobileRegex();
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.-]{3,31}$")] private static partial Regex UserNameRegex();
    [GeneratedRegex(@"^[\u4e00-\u9fa5·]{2,20}$|^[A-Za-z][A-Za-z .'-]{1,48}$")] private static partial Regex RealNameRegex();

    /// <summary>Validates every field on the server, then creates the user. Errors are keyed by field.</summary>
    public async Task<(FieldErrors Errors, AppUser? User)> RegisterAsync(RegistrationInput input, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(input, ct);
        if (!errors.Ok) return (errors, null);
        var user = NewUser(input);
        user.IdNumberCipher = ids.Protect(input.IdNumber);
        user.IdNumberLookup = await ids.LookupAsync(input.IdNumber, ct);
        await phones.SetAsync(user, input.PhoneNumber, ct);
        user.AgreementVersion = await CurrentUserAgreementAsync(ct);
        user.AgreementAcceptedAt = clock.GetUtcNow();
        var result = await users.CreateAsync(user, input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                errors.AddOnce(e.Code.StartsWith("Password") ? nameof(input.Password)
                    : e.Code.Contains("Email") ? nameof(input.Email) : nameof(input.UserName), e.Description);
            return (errors, null);
        }
        db.AgreementAcceptances.Add(new AgreementAcceptance
            { UserId = user.Id, Kind = "user", Version = user.AgreementVersion, At = user.AgreementAcceptedAt.Value });
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.Register, $"user:{user.UserName}", $"自助注册，同意用户协议第 {user.AgreementVersion} 版", actorName: user.UserName!, ct: ct);
        return (errors, user);
    }

    public async Task<FieldErrors> ValidateAsync(RegistrationInput i, CancellationToken ct)
    {
        var e = new FieldErrors();
        i.UserName = i.UserName.Trim(); i.RealName = i.RealName.Trim(); i.PhoneNumber = i.PhoneNumber.Trim();
        i.Email = i.Email.Trim(); i.IdNumber = IdNumber.Normalize(i.IdNumber);
        if (i.UserName.Length == 0) e.AddOnce(nameof(i.UserName), "请输入登录名");
        else if (!UserNameRegex().IsMatch(i.UserName)) e.AddOnce(nameof(i.UserName), "登录名为 4–32 位，以字母开头，可含字母、数字、下划线、短横线和点");
        else if (await users.FindByNameAsync(i.UserName) is not null) e.AddOnce(nameof(i.UserName), "该登录名已被注册，请换一个");
        if (i.Password.Length == 0) e.AddOnce(nameof(i.Password), "请输入密码");
        else if (PasswordProblem(i.Password) is { } pw) e.AddOnce(nameof(i.Password), pw);
        if (i.ConfirmPassword != i.Password) e.AddOnce(nameof(i.ConfirmPassword), "两次输入的密码不一致");
        if (i.RealName.Length == 0) e.AddOnce(nameof(i.RealName), "请输入真实姓名");
        else if (!RealNameRegex().IsMatch(i.RealName)) e.AddOnce(nameof(i.RealName), "真实姓名应为 2–20 个汉字（或证件上的外文姓名）");
        if (!AccountChoices.Genders.Contains(i.Gender)) e.AddOnce(nameof(i.Gender), "请选择性别");
        if (IdNumber.Validate(i.IdNumber, i.Gender, OpenData.Web.Infrastructure.Web.ChinaTime.Today(clock)) is { } idErr)
            e.AddOnce(nameof(i.IdNumber), idErr);
        else if (await ids.LookupAsync(i.IdNumber, ct) is var lookup && await db.Users.AnyAsync(u => u.IdNumberLookup == lookup, ct))
            e.AddOnce(nameof(i.IdNumber), "该身份证号已注册过账号，请直接登录或找回密码");
        if (i.PhoneNumber.Length == 0) e.AddOnce(nameof(i.PhoneNumber), "请输入手机号码");
        else if (!MobileRegex().IsMatch(i.PhoneNumber)) e.AddOnce(nameof(i.PhoneNumber), "手机号码应为 11 位，以 1 开头");
        else if (await phones.LookupAsync(i.PhoneNumber, ct) is var phoneLookup && await db.Users.AnyAsync(u => u.PhoneLookup == phoneLookup, ct))
            e.AddOnce(nameof(i.PhoneNumber), "该手机号码已被注册");
        if (i.Email.Length == 0) e.AddOnce(nameof(i.Email), "请输入邮箱");
        else if (!MailAddress.TryCreate(i.Email, out var mail) || mail.Address != i.Email || !i.Email.Contains('.'))
            e.AddOnce(nameof(i.Email), "邮箱格式不正确");
        else if (await users.FindByEmailAsync(i.Email) is not null) e.AddOnce(nameof(i.Email), "该邮箱已被注册");
        if (!AccountChoices.Industries.Contains(i.Industry)) e.AddOnce(nameof(i.Industry), "请选择行业");
        if (!AccountChoices.Occupations.Contains(i.Occupation)) e.AddOnce(nameof(i.Occupation), "请选择职业");
        if (!i.AcceptAgreement) e.AddOnce(nameof(i.AcceptAgreement), "请阅读并同意用户协议");
        return e;
    }

    /// <summary>The password policy in words: 8–64 characters with at least a letter and a digit.</summary>
    public static string? PasswordProblem(string pw) =>
        pw.Length < 8 ? "密码至少 8 位"
        : pw.Length > 64 ? "密码最多 64 位"
        : !pw.Any(char.IsAsciiLetter) || !pw.Any(char.IsAsciiDigit) ? "密码须同时包含字母和数字"
        : null;

    /// <summary>Operator and demo account creation: the same rules, no agreement step.</summary>
    public async Task<AppUser> CreateUserAsync(string userName, string password, string? role, string? orgCode,
        string? realName = null, CancellationToken ct = default)
    {
        if (PasswordProblem(password) is { } pw) throw new InvalidOperationException(pw);
        var agreementVersion = await CurrentUserAgreementAsync(ct);
        int? deptId = null;
        if (!string.IsNullOrEmpty(orgCode))
            deptId = (await db.Departments.FirstOrDefaultAsync(d => d.Code == orgCode, ct))?.Id
                ?? throw new InvalidOperationException($"未知的部门代码：{orgCode}");
        if (role is not null && role != "User" && !Roles.All.Contains(role))
            throw new InvalidOperationException($"未知的角色：{role}（可选 User、Provider、Admin、Reviewer、Auditor）");
        if (role == Roles.Provider && deptId is null)
            throw new InvalidOperationException("数据提供方必须绑定部门：--org CODE");
        var user = new AppUser
        {
            UserName = userName, Email = $"{userName}@example.lishui.gov.cn", RealName = realName ?? userName,
            DepartmentId = deptId, CreatedAt = clock.GetUtcNow(), EmailConfirmed = true,
            AgreementVersion = agreementVersion, AgreementAcceptedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("；", result.Errors.Select(x => x.Description)));
        if (role is not null && role != "User") await AddRoleAsync(user, role, ct);
        await audit.WriteAsync(AuditActions.UserCreated, $"user:{userName}", $"role={role ?? "User"} org={orgCode}", actorName: "system", ct: ct);
        return user;
    }

    public async Task AddRoleAsync(AppUser user, string role, CancellationToken ct = default)
    {
        if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        await users.AddToRoleAsync(user, role);
        await audit.WriteAsync(AuditActions.RoleChanged, $"user:{user.UserName}", $"+{role}", ct: ct);
    }

    /// <summary>The user agreement in force (site settings), recorded with every new account.</summary>
    private async Task<string> CurrentUserAgreementAsync(CancellationToken ct) =>
        (await settings.SnapshotAsync(ct)).Agreement(OpenData.Web.Features.Admin.Settings.AgreementKinds.User).Version;

    private static AppUser NewUser(RegistrationInput i) => new()
    {
        UserName = i.UserName, Email = i.Email, RealName = i.RealName,
        IdNumberMasked = IdNumber.Mask(i.IdNumber), Gender = i.Gender, Industry = i.Industry, Occupation = i.Occupation,
        CreatedAt = DateTimeOffset.UtcNow,
    };
}
