using OpenData.Web.Features.Admin.Audit;
using OpenData.Web.Features.Admin.Catalog;
using OpenData.Web.Features.Admin.Dashboard;
using OpenData.Web.Features.Admin.Settings;
using OpenData.Web.Features.Admin.Users;

namespace OpenData.Web.Features.Admin;

public static class AdminFeature
{
    public static IServiceCollection AddBackOffice(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<SettingsCache>();
        services.AddSingleton<SettingSecrets>();
        services.AddScoped<SiteSettingsStore>();
        services.AddScoped<SettingsCommands>();
        services.AddScoped<AgreementAcceptances>();
        services.AddScoped<UserAdminQueries>();
        services.AddScoped<UserAdminCommands>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<AuditRetention>();
        services.AddHostedService<AuditRetentionWorker>();
        services.AddScoped<ReferenceAdmin>();
        services.AddScoped<DashboardQueries>();
        return services;
    }

    public static WebApplication MapBackOffice(this WebApplication app)
    {
        // After authentication (UsePortalPipeline), before the endpoints run.
        app.UseMiddleware<AccountGate>();
        app.MapAdminWhoAmI();
        app.MapAdminApi();
        return app;
    }
}
