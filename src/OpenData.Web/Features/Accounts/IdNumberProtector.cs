using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Accounts;

/// <summary>
/// Encrypts ID numbers at rest with the data-protection key ring, and computes a keyed lookup hash
/// (HMAC-SHA256 with a random key kept encrypted in the database) so duplicates are found without decrypting.
/// </summary>
public sealed class IdNumberProtector(IDataProtectionProvider provider, IServiceScopeFactory scopes)
{
    private const string KeySetting = "secret.idNumberLookupKey";
    private readonly IDataProtector _protector = provider.CreateProtector("OpenData.IdNumber.v1");
    private readonly IDataProtector _keyProtector = provider.CreateProtector("OpenData.IdNumber.LookupKey.v1");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public string Protect(string id) => _protector.Protect(IdNumber.Normalize(id));

    public string Unprotect(string cipher) => _protector.Unprotect(cipher);

    public Task<string> LookupAsync(string id, CancellationToken ct = default) => KeyedHashAsync(IdNumber.Normalize(id), ct);

    /// <summary>HMAC-SHA256 of a value under the lookup key (PhoneNumberProtector prefixes its values to keep them apart).</summary>
    public async Task<string> KeyedHashAsync(string value, CancellationToken ct = default)
    {
        var key = _key ?? await LoadKeyAsync(ct);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
    }

    private async Task<byte[]> LoadKeyAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_key is not null) return _key;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var row = await db.SiteSettings.FirstOrDefaultAsync(s => s.Key == KeySetting, ct);
            if (row is null)
            {
                row = new SiteSetting { Key = KeySetting, Value = _keyProtector.Protect(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), UpdatedAt = DateTimeOffset.UtcNow };
                db.SiteSettings.Add(row);
                try { await db.SaveChangesAsync(ct); }
                catch (DbUpdateException)
                {
                    // Another node created it first: use theirs.
                    db.ChangeTracker.Clear();
                    row = await db.SiteSettings.FirstAsync(s => s.Key == KeySetting, ct);
                }
            }
            return _key = Convert.FromBase64String(_keyProtector.Unprotect(row.Value));
        }
        finally { _gate.Release(); }
    }
}
