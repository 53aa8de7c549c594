using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Accounts;

public sealed class AccountQueries(PortalDbContext db, UserManager<AppUser> users, PhoneNumberProtector phones)
{
    /// <summary>The user's own profile; the ID number only ever leaves masked, the phone number in full to its owner only.</summary>
    public async Task<MeResponse?> MeAsync(string userId, CancellationToken ct = default)
    {
        var u = await db.Users.AsNoTracking().Include(x => x.Department).FirstOrDefaultAsync(x => x.Id == userId, ct);
        if (u is null) return null;
        var roles = await users.GetRolesAsync(u);
        return new MeResponse(u.Id, u.UserName!, u.RealName, u.IdNumberMasked, u.Gender, u.Email, NullIfEmpty(phones.Unprotect(u)),
            u.Industry, u.Occupation, roles.Order().ToList(), u.Department?.Code, u.TwoFactorEnabled, u.CreatedAt);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    public async Task<string?> DepartmentNameAsync(string? code, CancellationToken ct = default) =>
        code is null ? null : await db.Departments.AsNoTracking().Where(d => d.Code == code).Select(d => d.Name).FirstOrDefaultAsync(ct);
}
