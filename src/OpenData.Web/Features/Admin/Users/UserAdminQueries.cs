using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;

namespace OpenData.Web.Features.Admin.Users;

/// <summary>Filters of the user list, as they appear in the query string.</summary>
public sealed record UserFilter(string? Q = null, string? Role = null, string? Org = null, string? Status = null,
    DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 20);

public sealed record UserRow(string Id, string UserName, string RealName, string IdNumberMasked, string? Email, string? Phone,
    IReadOnlyList<string> Roles, string? Organization, string? OrganizationName, bool Disabled, bool TwoFactor,
    bool MustChangePassword, DateTimeOffset CreatedAt);

/// <summary>
/// Reads for the user administration (system administrators only). ID numbers and phone numbers are masked; a
/// full 11-digit number finds its user through the keyed lookup hash, since the number itself is encrypted.
/// </summary>
public sealed class UserAdminQueries(PortalDbContext db, OpenData.Web.Features.Accounts.PhoneNumberProtector phones)
{
    public static readonly string[] Statuses = ["active", "disabled", "locked"];

    public async Task<Paged<UserRow>?> SearchAsync(UserFilter f, ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct = default)
    {
        if (!BackOfficeAccess.IsAdmin(user)) return null;
        var page = Math.Max(1, f.Page);
        var size = Math.Clamp(f.PageSize, 1, 100);
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var k = f.Q.Trim();
            var phoneKey = k.Length == 11 && k.All(char.IsAsciiDigit) ? await phones.LookupAsync(k, ct) : "-";
            q = q.Where(u => u.UserName!.Contains(k) || u.RealName.Contains(k) || u.Email!.Contains(k) || u.PhoneLookup == phoneKey);
        }
        if (!string.IsNullOrEmpty(f.Role))
        {
            if (f.Role == "User") q = q.Where(u => !db.UserRoles.Any(r => r.UserId == u.Id));
            else q = q.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == f.Role)));
        }
        if (!string.IsNullOrEmpty(f.Org)) q = q.Where(u => u.Department != null && u.Department.Code == f.Org);
        q = f.Status switch
        {
            "active" => q.Where(u => !u.IsDisabled),
            "disabled" => q.Where(u => u.IsDisabled),
            "locked" => q.Where(u => u.LockoutEnd != null && u.LockoutEnd > now),
            _ => q,
        };
        var china = OpenData.Web.Infrastructure.Web.ChinaTime.Offset;
        if (f.From is { } from) { var t = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), china).ToUniversalTime(); q = q.Where(u => u.CreatedAt >= t); }
        if (f.To is { } to) { var t = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), china).ToUniversalTime(); q = q.Where(u => u.CreatedAt < t); }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.UserName).Skip((page - 1) * size).Take(size)
            .Select(u => new
            {
                u.Id, u.UserName, u.RealName, u.IdNumberMasked, u.Email, u.PhoneMasked, Org = u.Department!.Code, OrgName = u.Department!.Name,
                u.IsDisabled, u.TwoFactorEnabled, u.MustChangePassword, u.CreatedAt,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, x => x.Id, (r, x) => x.Name!).ToList(),
            }).ToListAsync(ct);
        var items = rows.Select(u => new UserRow(u.Id, u.UserName!, u.RealName, u.IdNumberMasked, u.Email, u.PhoneMasked.Length == 0 ? null : u.PhoneMasked, u.Roles,
            u.Org, u.OrgName, u.IsDisabled, u.TwoFactorEnabled, u.MustChangePassword, u.CreatedAt)).ToList();
        return new Paged<UserRow>(items, total, page, size);
    }

    public async Task<UserRow?> OneAsync(string id, ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct = default)
    {
        if (!BackOfficeAccess.IsAdmin(user)) return null;
        var userName = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.UserName).FirstOrDefaultAsync(ct);
        if (userName is null) return null;
        var found = await SearchAsync(new UserFilter(Q: userName, PageSize: 100), user, now, ct);
        return found?.Items.FirstOrDefault(u => u.Id == id);
    }
}
