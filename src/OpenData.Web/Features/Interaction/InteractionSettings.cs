using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Interaction;

/// <summary>
/// Run-time settings of the area in the SiteSettings table: the sensitive-word list that holds comments for
/// review, and SMTP for subscription e-mail (off unless an administrator enables it).
/// </summary>
public sealed class InteractionSettings(PortalDbContext db, TimeProvider clock)
{
    public const string SensitiveWordsKey = "interaction.sensitiveWords";
    public const string SmtpEnabledKey = "smtp.enabled";
    public const string SmtpHostKey = "smtp.host";
    public const string SmtpPortKey = "smtp.port";
    public const string SmtpFromKey = "smtp.from";
    public const string SmtpUserKey = "smtp.user";
    public const string SmtpPasswordKey = "smtp.password";

    /// <summary>A small default list; administrators extend it. Matching is case-insensitive substring.</summary>
    public static readonly string[] DefaultSensitiveWords = ["赌博", "博彩", "色情", "代开发票", "办证", "枪支", "毒品", "诈骗", "传销", "法轮"];

    public async Task<IReadOnlyList<string>> SensitiveWordsAsync(CancellationToken ct = default)
    {
        var value = await GetAsync(SensitiveWordsKey, ct);
        return value is null ? DefaultSensitiveWords : Split(value);
    }

    public async Task<string?> FindSensitiveWordAsync(string text, CancellationToken ct = default) =>
        (await SensitiveWordsAsync(ct)).FirstOrDefault(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    public async Task SaveSensitiveWordsAsync(string text, CancellationToken ct = default) =>
        await SetAsync(SensitiveWordsKey, string.Join('\n', Split(text)), ct);

    public async Task<SmtpSettings> SmtpAsync(CancellationToken ct = default)
    {
        var all = await db.SiteSettings.AsNoTracking().Where(s => s.Key.StartsWith("smtp.")).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        string Get(string k) => all.TryGetValue(k, out var v) ? v : "";
        return new SmtpSettings(Get(SmtpEnabledKey) == "true", Get(SmtpHostKey), int.TryParse(Get(SmtpPortKey), out var p) ? p : 25,
            Get(SmtpFromKey), Get(SmtpUserKey), Get(SmtpPasswordKey));
    }

    public Task<string?> GetAsync(string key, CancellationToken ct = default) =>
        db.SiteSettings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);

    public async Task SetAsync(string key, string value, CancellationToken ct = default)
    {
        var row = await db.SiteSettings.FirstOrDefaultAsync(s => s.Key == key, ct);
        if (row is null) db.SiteSettings.Add(row = new SiteSetting { Key = key });
        row.Value = value;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    private static string[] Split(string value) =>
        value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(2000).ToArray();
}

public sealed record SmtpSettings(bool Enabled, string Host, int Port, string From, string User, string Password);
