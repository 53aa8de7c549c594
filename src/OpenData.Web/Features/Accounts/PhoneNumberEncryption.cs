using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Features.Accounts;

/// <summary>
/// On start, moves any phone number still in Identity's plain PhoneNumber column (accounts from before the
/// numbers were encrypted) into the encrypted columns and empties the plain one. Idempotent; usually finds nothing.
/// </summary>
public sealed class PhoneNumberEncryption(PortalDbContext db, PhoneNumberProtector phones) : IStartupSeeder
{
    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var plain = await db.Users.Where(u => u.PhoneNumber != null && u.PhoneNumber != "").ToListAsync(ct);
        foreach (var user in plain)
            await phones.SetAsync(user, user.PhoneNumber, ct);
        if (plain.Count > 0) await db.SaveChangesAsync(ct);
    }
}
