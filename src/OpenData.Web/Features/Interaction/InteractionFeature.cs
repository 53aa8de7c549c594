using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Interaction;

public static class InteractionFeature
{
    public static WebApplicationBuilder AddInteraction(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<InteractionItems>();
        services.AddScoped<IInteractionItemResolver, DatasetItemResolver>();
        services.AddScoped<IInteractionCounters, DatasetCounters>();
        services.AddScoped<InteractionSettings>();
        services.AddScoped<Infrastructure.Data.IStartupSeeder, LegacySettingsMove>();
        services.AddScoped<Infrastructure.Data.IDemoSeeder, Demo.InteractionDemoSeeder>();
        services.AddScoped<ItemInteractions>();
        services.AddScoped<CommentCommands>();
        services.AddScoped<ErrorReports>();
        services.AddScoped<Subscriptions>();
        services.AddScoped<DataRequests>();
        services.AddScoped<FeedbackBox>();
        services.AddScoped<Surveys>();
        services.AddScoped<Workbench>();
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddScoped<SubscriptionMailer>();
        // Scoped: it keeps the e-mails of one save until the save succeeded.
        services.AddScoped<DatasetChangeWatcher>();
        services.ConfigureDbContext<SqlitePortalDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<DatasetChangeWatcher>()));
        services.ConfigureDbContext<PostgresPortalDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<DatasetChangeWatcher>()));
        services.AddScoped<IReviewQueue, HeldCommentsQueue>();
        services.AddScoped<IReviewQueue, OverdueRequestsQueue>();
        services.AddScoped<IReviewQueue, OverdueErrorReportsQueue>();
        services.AddSingleton(new NavItem("互动交流", "/interact", 70));
        return builder;
    }

    public static WebApplication MapInteraction(this WebApplication app)
    {
        app.MapInteractionEndpoints();
        app.MapInteractionApi();
        return app;
    }
}
