using Microsoft.AspNetCore.DataProtection;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Accounts;

/// <summary>
/// Mobile numbers are personal data like ID numbers: kept only encrypted (data-protection key ring), with a
/// keyed hash for uniqueness and exact search, and a masked form ("139****5678") for lists. Identity's own
/// PhoneNumber column stays empty. Only the owner sees the full number; staff reveal it with an audited reason.
/// </summary>
public sealed class PhoneNumberProtector(IDataProtectionProvider provider, IdNumberProtector ids)
{
    private readonly IDataProtector _protector = provider.CreateProtector("OpenData.Phone.v1");

    public Task<string> LookupAsync(string phone, CancellationToken ct = default) => ids.KeyedHashAsync("phone:" + phone.Trim(), ct);

    public string Unprotect(AppUser user) => user.PhoneCipher.Length == 0 ? "" : _protector.Unprotect(user.PhoneCipher);

    /// <summary>Sets (or clears) the user's number in all three encrypted forms.</summary>
    public async Task SetAsync(AppUser user, string? phone, CancellationToken ct = default)
    {
        phone = phone?.Trim() ?? "";
        user.PhoneNumber = null;
        user.PhoneCipher = phone.Length == 0 ? "" : _protector.Protect(phone);
        user.PhoneLookup = phone.Length == 0 ? "" : await LookupAsync(phone, ct);
        user.PhoneMasked = Mask(phone);
    }

    public static string Mask(string phone) =>
        phone.Length == 0 ? "" : phone.Length >= 7 ? phone[..3] + new string('*', phone.Length - 7) + phone[^4..] : new string('*', phone.Length);
}
