using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.RestrictedAccess;

public sealed class RestrictedAccessOptions
{
    public const string Section = "RestrictedAccess";
    /// <summary>Largest document accepted (bytes); the site's upload limit caps it further.</summary>
    public long MaxDocumentBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>受限数据申请 (seed 2.9.3.1): applications with documents, two-step review, time-limited grants.</summary>
public static class RestrictedAccessFeature
{
    public static WebApplicationBuilder AddRestrictedAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RestrictedAccessOptions>().Bind(builder.Configuration.GetSection(RestrictedAccessOptions.Section))
            .Validate(o => o.MaxDocumentBytes > 0, "RestrictedAccess:MaxDocumentBytes must be positive").ValidateOnStart();
        services.AddSingleton<GrantCache>();
        // Replaces the datasets feature's "no grants" default whichever feature registers first.
        services.RemoveAll<IDatasetGrants>();
        services.AddScoped<IDatasetGrants, DatasetGrants>();
        services.AddScoped<RestrictedWindow>();
        services.AddScoped<RestrictedDocuments>();
        services.AddScoped<RestrictedCommands>();
        services.AddScoped<RestrictedReview>();
        services.AddScoped<RestrictedWithdrawal>();
        services.AddScoped<RestrictedQueries>();
        services.AddScoped<RestrictedLedger>();
        services.AddScoped<IReviewQueue, DepartmentRestrictedQueue>();
        services.AddScoped<IReviewQueue, PlatformRestrictedQueue>();
        return builder;
    }

    public static WebApplication MapRestrictedAccess(this WebApplication app)
    {
        app.MapRestrictedEndpoints();
        return app;
    }
}
