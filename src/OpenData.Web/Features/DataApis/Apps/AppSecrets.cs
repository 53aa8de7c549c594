using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace OpenData.Web.Features.DataApis.Apps;

/// <summary>AppSecrets: 32 random bytes (base64url), kept encrypted with Data Protection, decrypted only to verify HMACs.</summary>
public sealed class AppSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("OpenData.DataApis.AppSecret.v1");

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>12 digits that never start with 0 (so spreadsheets and JSON numbers keep them intact).</summary>
    public static string NewAppKey() => RandomNumberGenerator.GetString("123456789", 1) + RandomNumberGenerator.GetString("0123456789", 11);

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string cipher) => _protector.Unprotect(cipher);
}
