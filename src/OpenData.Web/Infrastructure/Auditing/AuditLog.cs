using System.Security.Claims;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Infrastructure.Auditing;

/// <summary>Writes audit entries. The app never updates or deletes them.</summary>
public sealed class AuditLog(PortalDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task WriteAsync(string action, string target, string detail = "", bool succeeded = true,
        ClaimsPrincipal? actor = null, string? actorName = null, CancellationToken ct = default)
    {
        var ctx = http.HttpContext;
        actor ??= ctx?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actor?.FindFirstValue(ClaimTypes.NameIdentifier),
            ActorName = actorName ?? actor?.Identity?.Name ?? "",
            Action = action,
            Target = Truncate(target, 256),
            Detail = Truncate(detail, 2000),
            IpAddress = ctx?.Connection.RemoteIpAddress?.ToString() ?? "",
            Succeeded = succeeded,
        });
        await db.SaveChangesAsync(ct);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>Stable action names, so the audit log can be filtered.</summary>
public static class AuditActions
{
    public const string SignIn = "account.sign-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string SignOut = "account.sign-out";
    public const string Register = "account.register";
    public const string LockedOut = "account.locked-out";
    public const string TwoFactorEnabled = "account.2fa-enabled";
    public const string RoleChanged = "account.role-changed";
    public const string UserCreated = "account.user-created";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string ProfileChanged = "account.profile-changed";
    public const string PasswordChanged = "account.password-changed";
    public const string TwoFactorDisabled = "account.2fa-disabled";
    public const string TwoFactorReset = "account.2fa-reset";
    public const string Disabled = "account.disabled";
    public const string Enabled = "account.enabled";
    public const string MustChangePassword = "account.must-change-password";
    public const string DepartmentChanged = "account.department-changed";
    public const string IdNumberUnmasked = "account.id-unmasked";
    public const string PhoneUnmasked = "account.phone-unmasked";
    /// <summary>Same name the datasets feature uses for the anonymous-download switch.</summary>
    public const string SettingChanged = "settings.changed";
    public const string AgreementPublished = "agreement.published";
    public const string AgreementAccepted = "agreement.accepted";
    public const string DepartmentSaved = "department.saved";
    public const string DepartmentMerged = "department.merged";
    public const string DomainSaved = "domain.saved";
    public const string DomainMerged = "domain.merged";
    public const string AuditExported = "audit.exported";
    public const string AuditPurged = "audit.purged";
}
