using OpenData.Web.Features.Interaction;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Data;
using OpenData.Web.Infrastructure.Images;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Showcase;

/// <summary>Showcase settings (appsettings.json "Showcase"; docs/configuration.md).</summary>
public sealed class ShowcaseOptions
{
    public const string Section = "Showcase";
    /// <summary>How often every entry's address is checked; zero turns the job off.</summary>
    public TimeSpan LinkCheckInterval { get; set; } = TimeSpan.FromDays(1);
    /// <summary>Wait after start before the first check, so a starting node is not slowed.</summary>
    public TimeSpan LinkCheckFirstDelay { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Timeout of one address check.</summary>
    public TimeSpan LinkCheckTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>应用成果 (product.md area D): showcase, submission, review, 上架 of developer apps.</summary>
public static class ShowcaseFeature
{
    public static WebApplicationBuilder AddShowcase(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ShowcaseOptions>().Bind(builder.Configuration.GetSection(ShowcaseOptions.Section))
            .Validate(o => o.LinkCheckInterval >= TimeSpan.Zero && o.LinkCheckTimeout > TimeSpan.Zero && o.LinkCheckFirstDelay >= TimeSpan.Zero,
                "Showcase: LinkCheckTimeout must be positive, the intervals not negative.")
            .ValidateOnStart();
        services.AddScoped<ImagePipeline>();
        services.AddScoped<ShowcaseQueries>();
        services.AddScoped<ShowcaseValidation>();
        services.AddScoped<ShowcaseCommands>();
        services.AddScoped<IInteractionItemResolver, AppItemResolver>();
        services.AddScoped<IInteractionCounters, AppCounters>();
        services.AddScoped<IReviewQueue, ShowcaseReviewQueue>();
        services.AddScoped<IPlatformCounter, AppCounter>();
        services.AddScoped<IDemoSeeder, Demo.ShowcaseDemoSeeder>();
        services.AddScoped<Datasets.IDatasetGraphExtension, ShowcaseGraph>();
        services.AddSingleton<LinkChecker>();
        services.AddScoped<LinkCheckRun>();
        services.AddHostedService<LinkCheckJob>();
        services.AddSingleton(new NavItem("应用成果", "/apps", 30));
        services.AddSingleton(new AdminMenuItem("应用成果审核", "/admin/showcase", "grid-3x3-gap", Policies.Reviewer, 115));
        return builder;
    }

    public static WebApplication MapShowcase(this WebApplication app)
    {
        app.MapShowcaseEndpoints();
        return app;
    }
}
