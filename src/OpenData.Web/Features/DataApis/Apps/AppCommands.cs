using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.DataApis.Apps;

public sealed class AppValidationException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Developer apps of the signed-in user: create, list, rotate the secret, disable. Ownership is checked here.</summary>
public sealed class AppCommands(PortalDbContext db, AppSecrets secrets, AuditLog audit, TimeProvider clock, IOptions<DataApisOptions> options,
    Gateway.GatewayCache gatewayCache)
{
    public async Task<AppWithSecret> CreateAsync(string userId, string userName, CreateAppRequest r, CancellationToken ct)
    {
        var name = (r.Name ?? "").Trim();
        var description = (r.Description ?? "").Trim();
        if (name.Length is < 2 or > 100) throw new AppValidationException("name", "应用名称应为 2 到 100 个字符。");
        if (description.Length > 1000) throw new AppValidationException("description", "应用描述不能超过 1000 个字符。");
        if (r.Domain is not { } domain || !await db.Domains.AnyAsync(d => d.Id == domain, ct))
            throw new AppValidationException("domain", "请选择应用所属领域。");
        if (await db.DeveloperApps.CountAsync(a => a.UserId == userId, ct) >= 50)
            throw new AppValidationException("limit", "每个用户最多创建 50 个应用。");
        var secret = AppSecrets.NewSecret();
        var app = new DeveloperApp
        {
            UserId = userId, Name = name, DomainId = domain, Description = description,
            AppKey = await UniqueAppKeyAsync(ct), SecretCipher = secrets.Protect(secret), CreatedAt = clock.GetUtcNow(),
        };
        db.DeveloperApps.Add(app);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(DataApiAudit.AppCreated, $"app:{app.Id}", $"{name} AppKey {app.AppKey}", actorName: userName, ct: ct);
        return new AppWithSecret(app.Id, app.Name, app.AppKey, secret, null);
    }

    public Task<List<AppDto>> ListAsync(string userId, CancellationToken ct) =>
        Project(db.DeveloperApps.AsNoTracking().Where(a => a.UserId == userId).OrderByDescending(a => a.Id)).ToListAsync(ct);

    public Task<AppDto?> GetAsync(string userId, int id, CancellationToken ct) =>
        Project(db.DeveloperApps.AsNoTracking().Where(a => a.UserId == userId && a.Id == id)).FirstOrDefaultAsync(ct);

    /// <summary>New secret; the previous one keeps working for the grace period so deployed clients can switch.</summary>
    public async Task<AppWithSecret?> RotateAsync(string userId, string userName, int id, CancellationToken ct)
    {
        var app = await db.DeveloperApps.FirstOrDefaultAsync(a => a.UserId == userId && a.Id == id, ct);
        if (app is null) return null;
        var secret = AppSecrets.NewSecret();
        var now = clock.GetUtcNow();
        app.PreviousSecretCipher = app.SecretCipher;
        app.PreviousSecretExpiresAt = now + options.Value.SecretGracePeriod;
        app.SecretCipher = secrets.Protect(secret);
        app.SecretRotatedAt = now;
        await db.SaveChangesAsync(ct);
        gatewayCache.ForgetApp(app.AppKey);
        await audit.WriteAsync(DataApiAudit.SecretRotated, $"app:{app.Id}", $"AppKey {app.AppKey}", actorName: userName, ct: ct);
        return new AppWithSecret(app.Id, app.Name, app.AppKey, secret, app.PreviousSecretExpiresAt);
    }

    public async Task<bool> SetDisabledAsync(string userId, string userName, int id, bool disabled, CancellationToken ct)
    {
        var app = await db.DeveloperApps.FirstOrDefaultAsync(a => a.UserId == userId && a.Id == id, ct);
        if (app is null) return false;
        app.IsDisabled = disabled;
        await db.SaveChangesAsync(ct);
        gatewayCache.ForgetApp(app.AppKey);
        await audit.WriteAsync(disabled ? DataApiAudit.AppDisabled : DataApiAudit.AppEnabled, $"app:{app.Id}", $"AppKey {app.AppKey}", actorName: userName, ct: ct);
        return true;
    }

    /// <summary>Calls per China day over the last <paramref name="days"/> days, zero-filled, for the chart.</summary>
    public async Task<List<DailyCalls>?> DailyCallsAsync(string userId, int id, int days, CancellationToken ct)
    {
        if (!await db.DeveloperApps.AnyAsync(a => a.UserId == userId && a.Id == id, ct)) return null;
        var today = clock.GetUtcNow().ToOffset(ChinaTime.Offset).Date;
        var from = new DateTimeOffset(today.AddDays(-(days - 1)), ChinaTime.Offset).ToUniversalTime(); // Npgsql writes UTC only
        var rows = await db.ApiCallLogs.AsNoTracking().Where(c => c.AppId == id && c.At >= from)
            .Select(c => new { c.At, c.Status }).ToListAsync(ct);
        var byDay = rows.GroupBy(r => r.At.ToOffset(ChinaTime.Offset).Date).ToDictionary(g => g.Key, g => (g.Count(), g.Count(x => x.Status >= 400)));
        return Enumerable.Range(0, days).Select(i => today.AddDays(i - (days - 1)))
            .Select(d => byDay.TryGetValue(d, out var v) ? new DailyCalls(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), v.Item1, v.Item2) : new DailyCalls(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 0, 0))
            .ToList();
    }

    private IQueryable<AppDto> Project(IQueryable<DeveloperApp> q) =>
        q.Select(a => new AppDto(a.Id, a.Name, a.DomainId, db.Domains.Where(d => d.Id == a.DomainId).Select(d => d.Name).FirstOrDefault() ?? "",
            a.Description, a.AppKey, a.IsDisabled, a.CreatedAt, a.SecretRotatedAt, a.PreviousSecretExpiresAt));

    private async Task<string> UniqueAppKeyAsync(CancellationToken ct)
    {
        while (true)
        {
            var key = AppSecrets.NewAppKey();
            if (!await db.DeveloperApps.AnyAsync(a => a.AppKey == key, ct)) return key;
        }
    }
}

public static class DataApiAudit
{
    public const string AppCreated = "api.app-created";
    public const string SecretRotated = "api.secret-rotated";
    public const string AppDisabled = "api.app-disabled";
    public const string AppEnabled = "api.app-enabled";
    public const string ApplicationApproved = "api.application-approved";
    public const string ApplicationRejected = "api.application-rejected";
    public const string ServiceRegistered = "api.service-registered";
    public const string AllowListChanged = "api.allow-list-changed";
    public const string ServiceUpdated = "api.service-updated";
    public const string LimitsChanged = "api.limits-changed";
}
