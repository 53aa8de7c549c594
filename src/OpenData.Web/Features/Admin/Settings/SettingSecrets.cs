using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace OpenData.Web.Features.Admin.Settings;

/// <summary>
/// Settings of kind Secret (the SMTP password) are stored encrypted with the platform's data-protection keys,
/// never shown in a form and never written to the audit log; a feature decrypts only when it uses the value.
/// </summary>
public sealed class SettingSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("OpenData.Settings.Secret.v1");

    public string Protect(string plain) => plain.Length == 0 ? "" : _protector.Protect(plain);

    /// <summary>The plain value, or empty when unset or unreadable (e.g. keys lost: the administrator sets it again).</summary>
    public string Unprotect(string stored)
    {
        if (stored.Length == 0) return "";
        try { return _protector.Unprotect(stored); }
        catch (CryptographicException) { return ""; }
    }
}
