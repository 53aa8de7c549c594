using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Auditing;

namespace OpenData.Web.Features.Admin.Settings;

/// <summary>Which agreement versions a user accepted. A user must accept the version in force; when it changes they are asked again.</summary>
public sealed class AgreementAcceptances(PortalDbContext db, SiteSettingsStore store, UserManager<AppUser> users, AuditLog audit, TimeProvider clock)
{
    public async Task<AgreementView> CurrentAsync(string kind, CancellationToken ct = default) =>
        (await store.SnapshotAsync(ct)).Agreement(kind);

    public async Task<bool> HasAcceptedCurrentAsync(string userId, string kind, CancellationToken ct = default)
    {
        var current = await CurrentAsync(kind, ct);
        return await db.AgreementAcceptances.AnyAsync(a => a.UserId == userId && a.Kind == kind && a.Version == current.Version, ct);
    }

    /// <summary>Whether the user accepted some earlier version of this agreement (and so must be asked again).</summary>
    public Task<bool> HasAcceptedAnyAsync(string userId, string kind, CancellationToken ct = default) =>
        db.AgreementAcceptances.AnyAsync(a => a.UserId == userId && a.Kind == kind, ct);

    /// <summary>Records acceptance of the version in force. False when the user saw a version that is no longer current.</summary>
    public async Task<bool> AcceptAsync(string userId, string kind, string version, CancellationToken ct = default)
    {
        var current = await CurrentAsync(kind, ct);
        if (current.Version != version) return false;
        if (await db.AgreementAcceptances.AnyAsync(a => a.UserId == userId && a.Kind == kind && a.Version == version, ct)) return true;
        var now = clock.GetUtcNow();
        db.AgreementAcceptances.Add(new AgreementAcceptance { UserId = userId, Kind = kind, Version = version, At = now });
        if (kind == AgreementKinds.User && await users.FindByIdAsync(userId) is { } user)
        {
            user.AgreementVersion = version;
            user.AgreementAcceptedAt = now;
        }
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.AgreementAccepted, $"agreement:{kind}", $"同意第 {version} 版", ct: ct);
        return true;
    }
}
