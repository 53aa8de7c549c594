using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Home;

public static class HomeFeature
{
    public static IServiceCollection AddHomeFeature(this IServiceCollection services)
    {
        services.AddSingleton(new NavItem("首页", "/", 0));
        services.AddScoped<IPlatformCounter, DepartmentCounter>();
        services.AddScoped<HomeQueries>();
        return services;
    }

    public static WebApplication MapHome(this WebApplication app)
    {
        app.MapDisplayPreferences();
        return app;
    }
}

/// <summary>
/// 开放部门: departments that have opened data, i.e. have at least one published dataset. Counting every
/// registered department (40 in the demo) overstated it: a department without published data opens nothing.
/// </summary>
public sealed class DepartmentCounter(PortalDbContext db) : IPlatformCounter
{
    public string Label => "开放部门";
    public string Unit => "个";
    public string? Href => "/catalog";
    public int Order => 40;
    public Task<int> CountAsync(CancellationToken ct) =>
        db.Departments.CountAsync(d => db.Datasets.Any(x => x.DepartmentId == d.Id && x.IsPublished), ct);
}
