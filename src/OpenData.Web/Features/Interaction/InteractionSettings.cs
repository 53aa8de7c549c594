using OpenData.Web.Features.Admin.Settings;

namespace OpenData.Web.Features.Interaction;

/// <summary>
/// The area's run-time settings, read from the one source of truth the administrator edits on /admin/settings
/// (SettingKeys via SiteSettingsStore, cached per node and rechecked every few seconds, so a change applies
/// without restart): the sensitive-word list that holds comments, SMTP for subscription e-mail (off by default)
/// and the reply target of the overdue queues.
/// </summary>
public sealed class InteractionSettings(SiteSettingsStore store, SettingSecrets secrets)
{
    public async Task<IReadOnlyList<string>> SensitiveWordsAsync(CancellationToken ct = default) =>
        Split((await store.SnapshotAsync(ct)).Get(SettingKeys.SensitiveWords));

    public async Task<string?> FindSensitiveWordAsync(string text, CancellationToken ct = default) =>
        (await SensitiveWordsAsync(ct)).FirstOrDefault(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    public async Task<SmtpSettings> SmtpAsync(CancellationToken ct = default)
    {
        var s = await store.SnapshotAsync(ct);
        return new SmtpSettings(s.GetBool(SettingKeys.SmtpEnabled), s.Get(SettingKeys.SmtpHost), s.GetInt(SettingKeys.SmtpPort),
            s.Get(SettingKeys.SmtpFrom), s.Get(SettingKeys.SmtpUser), secrets.Unprotect(s.Get(SettingKeys.SmtpPassword)));
    }

    /// <summary>Days a data request or error report may wait before the platform chases it (default 7, about 5 working days).</summary>
    public async Task<int> ReplyTargetDaysAsync(CancellationToken ct = default) =>
        (await store.SnapshotAsync(ct)).GetInt(SettingKeys.ReplyTargetDays) is var d and > 0 and < 366 ? d : 7;

    private static string[] Split(string value) =>
        value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(2000).ToArray();
}

public sealed record SmtpSettings(bool Enabled, string Host, int Port, string From, string User, string Password);
