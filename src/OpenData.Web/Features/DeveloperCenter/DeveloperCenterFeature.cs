using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenData.Web.Infrastructure.Text;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.DeveloperCenter;

/// <summary>开发者中心 (product area F, seed 2.5): the overview, the developer manual, the Chinese API reference and the OpenAPI split.</summary>
public static class DeveloperCenterFeature
{
    public static WebApplicationBuilder AddDeveloperCenter(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(SafeMarkdown.Shared);
        services.AddSingleton<ManualLibrary>();
        services.AddScoped<DeveloperQueries>();
        services.AddScoped<ApiReferenceModel>();
        services.AddOpenApiSplit();
        services.AddSingleton(new NavItem("开发者中心", "/developer", 50));
        return builder;
    }

    public static WebApplication MapDeveloperCenter(this WebApplication app)
    {
        app.MapManagementOpenApi();
        app.MapCachedPublicOpenApi();
        return app;
    }
}
