using OpenData.Web.Features.Datastore.Jobs;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Maps;

/// <summary>地图服务: point layers recognised at ingestion, GeoJSON layers, the boundary layer, the base map and /map.</summary>
public static class MapsFeature
{
    public static WebApplicationBuilder AddMaps(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MapsOptions>().Bind(builder.Configuration.GetSection(MapsOptions.Section))
            .Validate(o => o.MaxBoundaryBytes > 0, "Maps:MaxBoundaryBytes must be positive.").ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<PointScan>();
        services.AddSingleton<MapPoints>();
        services.AddScoped<MapLayerDetector>();
        services.AddScoped<IIngestionFollowUp>(sp => sp.GetRequiredService<MapLayerDetector>());
        services.AddScoped<Infrastructure.Data.IStartupSeeder, MapLayerBackfill>();
        services.AddScoped<MapQueries>();
        services.AddSingleton<PointLayerJson>();
        services.AddScoped<LayerData>();
        services.AddScoped<MapLayerCommands>();
        services.AddScoped<MapBoundaries>();
        services.AddScoped<BaseMap>();
        services.AddSingleton(new NavItem("地图服务", "/map", 40));
        services.AddSingleton(new AdminMenuItem("地图边界", "/admin/map", "map", Policies.Admin, 70));
        return builder;
    }

    public static WebApplication MapMaps(this WebApplication app)
    {
        app.MapMapEndpoints();
        return app;
    }
}
