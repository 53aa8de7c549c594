using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Auditing;

namespace OpenData.Web.Features.Accounts;

public sealed partial class AccountCommands
{
    /// <summary>Changes the user's own contact details and trade; duplicates of another account are refused.</summary>
    public async Task<FieldErrors> UpdateProfileAsync(string userId, ProfileInput i, CancellationToken ct = default)
    {
        var e = new FieldErrors();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("用户不存在");
        i.PhoneNumber = i.PhoneNumber.Trim(); i.Email = i.Email.Trim();
        if (i.PhoneNumber.Length == 0) e.AddOnce(nameof(i.PhoneNumber), "请输入手机号码");
        else if (!MobileRegex().IsMatch(i.PhoneNumber)) e.AddOnce(nameof(i.PhoneNumber), "手机号码应为 11 位，以 1 开头");
        else if (await phones.LookupAsync(i.PhoneNumber, ct) is var phoneLookup && await db.Users.AnyAsync(u => u.PhoneLookup == phoneLookup && u.Id != userId, ct))
            e.AddOnce(nameof(i.PhoneNumber), "该手机号码已被其他账号使用");
        if (i.Email.Length == 0) e.AddOnce(nameof(i.Email), "请输入邮箱");
        else if (!MailAddress.TryCreate(i.Email, out var mail) || mail.Address != i.Email || !i.Email.Contains('.'))
            e.AddOnce(nameof(i.Email), "邮箱格式不正确");
        else if (await users.FindByEmailAsync(i.Email) is { } other && other.Id != userId)
            e.AddOnce(nameof(i.Email), "该邮箱已被其他账号使用");
        if (!AccountChoices.Industries.Contains(i.Industry)) e.AddOnce(nameof(i.Industry), "请选择行业");
        if (!AccountChoices.Occupations.Contains(i.Occupation)) e.AddOnce(nameof(i.Occupation), "请选择职业");
        if (!e.Ok) return e;

        var changed = new List<string>();
        if (phones.Unprotect(user) != i.PhoneNumber) { changed.Add("手机"); await phones.SetAsync(user, i.PhoneNumber, ct); user.PhoneNumberConfirmed = false; }
        if (user.Email != i.Email) { changed.Add("邮箱"); user.Email = i.Email; user.EmailConfirmed = false; }
        if (user.Industry != i.Industry) { changed.Add("行业"); user.Industry = i.Industry; }
        if (user.Occupation != i.Occupation) { changed.Add("职业"); user.Occupation = i.Occupation; }
        if (changed.Count == 0) return e;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var err in result.Errors)
                e.AddOnce(err.Code.Contains("Email") ? nameof(i.Email) : nameof(i.PhoneNumber), err.Description);
            return e;
        }
        // Field names only: the audit log must not become a second copy of personal data.
        await audit.WriteAsync(AuditActions.ProfileChanged, $"user:{user.UserName}", "修改：" + string.Join("、", changed), ct: ct);
        return e;
    }

    /// <summary>Checks the current password and the policy, then changes it (the caller refreshes the sign-in).</summary>
    public async Task<FieldErrors> ChangePasswordAsync(string userId, PasswordChangeInput i, CancellationToken ct = default)
    {
        var e = new FieldErrors();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("用户不存在");
        if (i.CurrentPassword.Length == 0) e.AddOnce(nameof(i.CurrentPassword), "请输入当前密码");
        if (i.NewPassword.Length == 0) e.AddOnce(nameof(i.NewPassword), "请输入新密码");
        else if (PasswordProblem(i.NewPassword) is { } pw) e.AddOnce(nameof(i.NewPassword), pw);
        else if (i.NewPassword == i.CurrentPassword) e.AddOnce(nameof(i.NewPassword), "新密码不能与当前密码相同");
        if (i.ConfirmPassword != i.NewPassword) e.AddOnce(nameof(i.ConfirmPassword), "两次输入的新密码不一致");
        if (!e.Ok) return e;
        var result = await users.ChangePasswordAsync(user, i.CurrentPassword, i.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var err in result.Errors)
                e.AddOnce(err.Code == "PasswordMismatch" ? nameof(i.CurrentPassword) : nameof(i.NewPassword), err.Description);
            await audit.WriteAsync(AuditActions.PasswordChanged, $"user:{user.UserName}", "当前密码不正确", succeeded: false, ct: ct);
            return e;
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await audit.WriteAsync(AuditActions.PasswordChanged, $"user:{user.UserName}", "自助修改密码", ct: ct);
        return e;
    }
}
