using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.Web.Features.Admin.Users;

/// <summary>Outcome of an administrative change to a user: null error means done.</summary>
public sealed record UserChange(bool Found, string? Error = null)
{
    public static readonly UserChange Done = new(true);
    public static readonly UserChange NotFound = new(false, "用户不存在");
    public static readonly UserChange Forbidden = new(false, "无权操作");
}

/// <summary>Role, department and status changes by system administrators; each audited, each ends the user's other sessions.</summary>
public sealed class UserAdminCommands(UserManager<AppUser> users, RoleManager<IdentityRole> roles, PortalDbContext db,
    IdNumberProtector ids, PhoneNumberProtector phones, AuditLog audit)
{
    public const string SeparationError = "三权分立：同一用户不能同时担任平台管理员、审核员和审计员";

    public async Task<UserChange> SetRolesAsync(string id, IReadOnlyCollection<string> wanted, string? orgCode, ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!BackOfficeAccess.IsAdmin(actor)) return UserChange.Forbidden;
        if (await users.FindByIdAsync(id) is not { } user) return UserChange.NotFound;
        var next = wanted.Where(Roles.All.Contains).Distinct().ToList();
        if (Roles.BreaksSeparation(next)) return new(true, SeparationError);
        int? deptId = null;
        if (!string.IsNullOrEmpty(orgCode))
            deptId = (await db.Departments.FirstOrDefaultAsync(d => d.Code == orgCode && !d.IsRetired, ct))?.Id;
        if (!string.IsNullOrEmpty(orgCode) && deptId is null) return new(true, "所选部门不存在或已撤销");
        if (next.Contains(Roles.Provider) && deptId is null) return new(true, "数据提供方必须绑定部门");
        if (user.Id == actor.FindFirstValue(ClaimTypes.NameIdentifier) && !next.Contains(Roles.Admin))
            return new(true, "不能取消自己的平台管理员角色");
        var current = await users.GetRolesAsync(user);
        foreach (var role in next.Except(current))
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
            await users.AddToRoleAsync(user, role);
            await audit.WriteAsync(AuditActions.RoleChanged, $"user:{user.UserName}", $"+{role}", ct: ct);
        }
        foreach (var role in current.Except(next).ToList())
        {
            await users.RemoveFromRoleAsync(user, role);
            await audit.WriteAsync(AuditActions.RoleChanged, $"user:{user.UserName}", $"-{role}", ct: ct);
        }
        if (user.DepartmentId != deptId)
        {
            user.DepartmentId = deptId;
            await users.UpdateAsync(user);
            await audit.WriteAsync(AuditActions.DepartmentChanged, $"user:{user.UserName}", $"部门={orgCode ?? "无"}", ct: ct);
        }
        await users.UpdateSecurityStampAsync(user);
        return UserChange.Done;
    }

    public Task<UserChange> SetDisabledAsync(string id, bool disabled, ClaimsPrincipal actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, async user =>
        {
            if (disabled && user.Id == actor.FindFirstValue(ClaimTypes.NameIdentifier)) return "不能停用自己的账号";
            user.IsDisabled = disabled;
            await users.UpdateAsync(user);
            await audit.WriteAsync(disabled ? AuditActions.Disabled : AuditActions.Enabled, $"user:{user.UserName}", disabled ? "停用账号" : "启用账号", ct: ct);
            return null;
        });

    public Task<UserChange> ResetTwoFactorAsync(string id, ClaimsPrincipal actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, async user =>
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await audit.WriteAsync(AuditActions.TwoFactorReset, $"user:{user.UserName}", "重置两步验证（须重新绑定身份验证器）", ct: ct);
            return null;
        });

    public Task<UserChange> ForcePasswordChangeAsync(string id, ClaimsPrincipal actor, CancellationToken ct = default) =>
        ChangeAsync(id, actor, async user =>
        {
            user.MustChangePassword = true;
            await users.UpdateAsync(user);
            await audit.WriteAsync(AuditActions.MustChangePassword, $"user:{user.UserName}", "要求下次登录修改密码", ct: ct);
            return null;
        });

    /// <summary>Shows the full ID number once: a reason is required and the unmasking is audited with it.</summary>
    public Task<(string? IdNumber, string? Error)> UnmaskAsync(string id, string reason, ClaimsPrincipal actor, CancellationToken ct = default) =>
        RevealAsync(id, reason, actor, "身份证号", AuditActions.IdNumberUnmasked,
            u => u.IdNumberCipher.Length == 0 ? null : ids.Unprotect(u.IdNumberCipher), ct);

    /// <summary>Shows the full mobile number once, on the same terms as the ID number.</summary>
    public Task<(string? Phone, string? Error)> UnmaskPhoneAsync(string id, string reason, ClaimsPrincipal actor, CancellationToken ct = default) =>
        RevealAsync(id, reason, actor, "手机号码", AuditActions.PhoneUnmasked,
            u => u.PhoneCipher.Length == 0 ? null : phones.Unprotect(u), ct);

    private async Task<(string? Value, string? Error)> RevealAsync(string id, string reason, ClaimsPrincipal actor, string what,
        string action, Func<AppUser, string?> decrypt, CancellationToken ct)
    {
        if (!BackOfficeAccess.IsAdmin(actor)) return (null, UserChange.Forbidden.Error);
        reason = reason.Trim();
        if (reason.Length < 4) return (null, $"请填写查看完整{what}的理由（至少 4 个字）");
        if (await users.FindByIdAsync(id) is not { } user) return (null, UserChange.NotFound.Error);
        if (decrypt(user) is not { } value) return (null, $"该用户没有登记{what}");
        await audit.WriteAsync(action, $"user:{user.UserName}", $"理由：{reason}", ct: ct);
        return (value, null);
    }

    /// <summary>Every change ends the user's sessions (security stamp), so it applies at once.</summary>
    private async Task<UserChange> ChangeAsync(string id, ClaimsPrincipal actor, Func<AppUser, Task<string?>> change)
    {
        if (!BackOfficeAccess.IsAdmin(actor)) return UserChange.Forbidden;
        if (await users.FindByIdAsync(id) is not { } user) return UserChange.NotFound;
        if (await change(user) is { } error) return new(true, error);
        // A new session stamp ends the user's cookies on their next request (SessionCheck), not minutes later.
        user.SessionStamp = Guid.NewGuid().ToString("N");
        await users.UpdateSecurityStampAsync(user);
        return UserChange.Done;
    }
}
