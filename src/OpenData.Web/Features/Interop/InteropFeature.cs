using OpenData.Web.Features.Interop.Ckan;
using OpenData.Web.Features.Interop.Dcat;
using OpenData.Web.Features.Interop.Discovery;

namespace OpenData.Web.Features.Interop;

/// <summary>Interoperability: the CKAN-compatible API, DCAT-AP 3.0, Frictionless data packages, sitemap, robots.txt, Atom.</summary>
public static class InteropFeature
{
    public static WebApplicationBuilder AddInterop(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<InteropOptions>().Bind(builder.Configuration.GetSection(InteropOptions.Section))
            .Validate(InteropOptions.IsValid, "Interop: PublicBaseUrl must be an absolute URL; row limits positive, maximums not below defaults")
            .ValidateOnStart();
        services.AddScoped<SiteUrl>();
        services.AddScoped<PublicCatalog>();
        services.AddScoped<CkanDicts>();
        services.AddScoped<CkanSearch>();
        services.AddScoped<CkanCatalogActions>();
        services.AddScoped<CkanDatastore>();
        services.AddScoped<DcatGraphs>();
        services.AddScoped<SiteFeed>();
        services.AddScoped<Sitemap>();
        services.AddScoped<DataPackages>();
        services.AddSingleton<OpenData.Web.Features.Datasets.IDatasetHeadMarkup, DatasetHeadMarkup>();
        return builder;
    }

    public static WebApplication MapInterop(this WebApplication app)
    {
        app.MapCkanEndpoints();
        app.MapDcatEndpoints();
        app.MapDiscoveryEndpoints();
        return app;
    }
}
