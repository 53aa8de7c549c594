using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.Web.Features.Accounts;

public enum SignInOutcome { Succeeded, RequiresTwoFactor, MustEnrolTwoFactor, Failed, LockedOut, Disabled, Throttled }

/// <summary>
/// Password and authenticator sign-in with lockout and auditing. An unknown login and a wrong password
/// give the same outcome, so the form never reveals whether an account exists; an unknown login is "locked"
/// after as many failures as a real one (LoginThrottle), and a client address with too many failures is refused.
/// </summary>
public sealed class AccountSignIn(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit, LoginThrottle throttle,
    IHttpContextAccessor http)
{
    public const string FailedMessage = "登录名或密码错误";
    public const string LockedMessage = "连续登录失败次数过多，账号已被临时锁定，请 15 分钟后再试";
    public const string DisabledMessage = "该账号已被停用，如有疑问请联系平台管理员";
    public const string ThrottledMessage = "登录失败次数过多，请 15 分钟后再试";
    public const string BadCodeMessage = "验证码不正确或已过期，请输入身份验证器上当前显示的 6 位数字";

    public async Task<SignInOutcome> PasswordAsync(string userName, string password, bool remember, CancellationToken ct = default)
    {
        userName = userName.Trim();
        var target = $"user:{userName}";
        var address = ClientAddress;
        if (throttle.AddressBlocked(address))
        {
            await audit.WriteAsync(AuditActions.SignInFailed, target, $"来源地址 {address} 登录失败次数过多，已拒绝", succeeded: false, actorName: userName, ct: ct);
            return SignInOutcome.Throttled;
        }
        var user = userName.Length == 0 ? null : await users.FindByNameAsync(userName);
        if (user is null || password.Length == 0)
        {
            // Spend the same hashing time as a real check, so response times do not reveal which logins exist.
            users.PasswordHasher.VerifyHashedPassword(TimingDummy, DummyHash(), password);
            throttle.AddressFailed(address);
            var locked = user is null && userName.Length > 0 && throttle.UnknownNameFailed(userName);
            await audit.WriteAsync(AuditActions.SignInFailed, target, "登录名或密码错误", succeeded: false, actorName: userName, ct: ct);
            return locked ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        }
        if (user.IsDisabled)
        {
            // Say "disabled" only to someone who knows the password; everyone else sees the usual failure.
            var knows = await users.CheckPasswordAsync(user, password);
            if (!knows) throttle.AddressFailed(address);
            await audit.WriteAsync(AuditActions.SignInFailed, target, "账号已停用", succeeded: false, actorName: userName, ct: ct);
            return knows ? SignInOutcome.Disabled : SignInOutcome.Failed;
        }
        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            throttle.AddressFailed(address);
            await audit.WriteAsync(AuditActions.LockedOut, target, "连续登录失败，账号临时锁定", succeeded: false, actorName: userName, ct: ct);
            return SignInOutcome.LockedOut;
        }
        if (result.RequiresTwoFactor) return SignInOutcome.RequiresTwoFactor;
        if (!result.Succeeded)
        {
            throttle.AddressFailed(address);
            await audit.WriteAsync(AuditActions.SignInFailed, target, "登录名或密码错误", succeeded: false, actorName: userName, ct: ct);
            return SignInOutcome.Failed;
        }
        await audit.WriteAsync(AuditActions.SignIn, target, "密码登录", actorName: userName, ct: ct);
        // Administrators must use a second factor: without one enrolled they may only set it up.
        return await IsBackOfficeAsync(user) ? SignInOutcome.MustEnrolTwoFactor : SignInOutcome.Succeeded;
    }

    /// <summary>The client's address (the proxy's forwarded one when forwarded headers are trusted, see ForwardedHeaders).</summary>
    private string? ClientAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    private async Task<bool> IsBackOfficeAsync(AppUser user) =>
        (await users.GetRolesAsync(user)).Any(r => Roles.BackOffice.Contains(r));

    private static readonly AppUser TimingDummy = new() { UserName = "timing-dummy" };
    private static string? _dummyHash;
    private string DummyHash() => _dummyHash ??= users.PasswordHasher.HashPassword(TimingDummy, Guid.NewGuid().ToString());

    /// <summary>The second step: the 6-digit code from the authenticator app.</summary>
    public async Task<SignInOutcome> AuthenticatorAsync(string code, bool remember, CancellationToken ct = default)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return SignInOutcome.Failed;
        var target = $"user:{user.UserName}";
        var clean = new string(code.Where(char.IsAsciiDigit).ToArray());
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(clean, remember, rememberClient: false);
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.LockedOut, target, "两步验证失败次数过多，账号临时锁定", succeeded: false, actorName: user.UserName, ct: ct);
            return SignInOutcome.LockedOut;
        }
        if (!result.Succeeded)
        {
            throttle.AddressFailed(ClientAddress);
            await audit.WriteAsync(AuditActions.SignInFailed, target, "两步验证码错误", succeeded: false, actorName: user.UserName, ct: ct);
            return SignInOutcome.Failed;
        }
        await audit.WriteAsync(AuditActions.SignIn, target, "密码 + 身份验证器登录", actorName: user.UserName, ct: ct);
        return SignInOutcome.Succeeded;
    }

    /// <summary>True while a password step is waiting for its second factor (the 2FA page needs it).</summary>
    public async Task<bool> HasPendingTwoFactorAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    public async Task SignOutAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var name = user.Identity?.Name;
        // Deleting the browser's cookie is not enough: a copy would stay valid until it expires. A new session
        // stamp makes every cookie issued before this moment fail SessionCheck on its next request.
        if (await users.GetUserAsync(user) is { } row)
        {
            row.SessionStamp = Guid.NewGuid().ToString("N");
            await users.UpdateAsync(row);
        }
        await signIn.SignOutAsync();
        if (name is not null)
            await audit.WriteAsync(AuditActions.SignOut, $"user:{name}", "退出登录", actor: user, ct: ct);
    }

    /// <summary>Whether this principal may use admin-only features (the Admin policy's second-factor rule).</summary>
    public static bool NeedsSecondFactor(ClaimsPrincipal user) =>
        Roles.BackOffice.Any(user.IsInRole) && !AccountsFeature.HasSecondFactor(user);
}
