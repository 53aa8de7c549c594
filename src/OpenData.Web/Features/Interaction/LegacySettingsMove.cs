using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Features.Interaction;

/// <summary>
/// Once, at start-up: a sensitive-word list saved under the area's former key (interaction.sensitiveWords) moves
/// to the back office's key, unless that one is set already, so an administrator's words are not lost (ADR 0040).
/// </summary>
public sealed class LegacySettingsMove : IStartupSeeder
{
    public const string OldSensitiveWordsKey = "interaction.sensitiveWords";

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var old = await db.SiteSettings.FirstOrDefaultAsync(s => s.Key == OldSensitiveWordsKey, ct);
        if (old is null) return;
        var current = await db.SiteSettings.FirstOrDefaultAsync(s => s.Key == SettingKeys.SensitiveWords, ct);
        if (current is null) db.SiteSettings.Add(new Data.Entities.SiteSetting { Key = SettingKeys.SensitiveWords, Value = old.Value, UpdatedAt = old.UpdatedAt });
        db.SiteSettings.Remove(old);
        var stamp = await db.SiteSettings.FirstOrDefaultAsync(s => s.Key == SettingKeys.Stamp, ct);
        if (stamp is null) db.SiteSettings.Add(stamp = new Data.Entities.SiteSetting { Key = SettingKeys.Stamp });
        stamp.Value = Guid.NewGuid().ToString("N");
        stamp.UpdatedAt = old.UpdatedAt;
        await db.SaveChangesAsync(ct);
    }
}
