using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Identity;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Auth;
using QRCoder;

namespace OpenData.Web.Features.Accounts;

public sealed record AuthenticatorSetup(bool Enabled, string FormattedKey, string Uri, string QrSvg);

/// <summary>TOTP authenticator enrolment (RFC 6238, as Identity's authenticator token provider checks it).</summary>
public sealed class Authenticator(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit)
{
    public const string Issuer = "丽水市公共数据开放平台";

    public async Task<AuthenticatorSetup> SetupAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        var uri = OtpAuthUri(user.UserName!, key);
        return new AuthenticatorSetup(user.TwoFactorEnabled, FormatKey(key), uri, QrSvg(uri));
    }

    /// <summary>Turns 2FA on when the code matches, and upgrades the current sign-in to a two-factor one.</summary>
    public async Task<bool> EnableAsync(AppUser user, string code, CancellationToken ct = default)
    {
        if (!await VerifyAsync(user, code)) return false;
        await users.SetTwoFactorEnabledAsync(user, true);
        // The user has just proven the second factor: sign in again with it, so admin pages open at once.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(AccountsFeature.MfaClaim, "mfa")]);
        await audit.WriteAsync(AuditActions.TwoFactorEnabled, $"user:{user.UserName}", "启用身份验证器", actorName: user.UserName, ct: ct);
        return true;
    }

    /// <summary>Turns 2FA off (not for administrators, who must keep it) when the code matches; a new key is made.</summary>
    public async Task<string?> DisableAsync(AppUser user, string code, CancellationToken ct = default)
    {
        if ((await users.GetRolesAsync(user)).Any(r => Roles.BackOffice.Contains(r))) return "平台管理员必须使用两步验证，不能关闭";
        if (!await VerifyAsync(user, code)) return "验证码不正确，请输入身份验证器上当前显示的 6 位数字";
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync(AuditActions.TwoFactorDisabled, $"user:{user.UserName}", "关闭身份验证器", actorName: user.UserName, ct: ct);
        return null;
    }

    private Task<bool> VerifyAsync(AppUser user, string code)
    {
        var clean = new string(code.Where(char.IsAsciiDigit).ToArray());
        return clean.Length != 6 ? Task.FromResult(false)
            : users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, clean);
    }

    /// <summary>"abcd efgh …": lower case in groups of four, easier to type into an app by hand.</summary>
    public static string FormatKey(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return sb.ToString().ToLowerInvariant();
    }

    /// <summary>The Key URI Format understood by authenticator apps (Google Authenticator, Microsoft Authenticator…).</summary>
    public static string OtpAuthUri(string userName, string key)
    {
        var issuer = Uri.EscapeDataString(Issuer);
        return $"otpauth://totp/{issuer}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={issuer}&digits=6&period=30";
    }

    private static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(5);
    }
}
