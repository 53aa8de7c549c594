using Microsoft.Extensions.Options;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Cli;
using OpenData.Web.Infrastructure.Data;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.OpenIndex;

public sealed class OpenIndexOptions
{
    public const string Section = "OpenIndex";
    /// <summary>A MaxMind GeoLite2/GeoIP2 City or Country database (.mmdb); empty: every region is 未知.</summary>
    public string? GeoIpDatabase { get; set; }
    /// <summary>How often the background rollup runs.</summary>
    public int RollupMinutes { get; set; } = 5;
    /// <summary>Raw access events are deleted this many days after they were rolled up (the daily tables stay).</summary>
    public int RawRetentionDays { get; set; } = 90;
    /// <summary>The home page's 热门搜索 come from real searches once this many different words were searched in 30 days.</summary>
    public int HotSearchMinimum { get; set; } = 6;
}

/// <summary>开放指数 (product.md area G): access tracking, daily rollup, the /open-index page, its JSON API and CSV exports.</summary>
public static class OpenIndexFeature
{
    public static WebApplicationBuilder AddOpenIndex(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OpenIndexOptions>().Bind(builder.Configuration.GetSection(OpenIndexOptions.Section))
            .Validate(o => o.RollupMinutes >= 1 && o.RawRetentionDays >= 1 && o.HotSearchMinimum >= 1,
                "OpenIndex: RollupMinutes, RawRetentionDays and HotSearchMinimum must be at least 1.")
            .Validate(o => string.IsNullOrWhiteSpace(o.GeoIpDatabase) || File.Exists(o.GeoIpDatabase),
                "OpenIndex:GeoIpDatabase names a file that does not exist.")
            .ValidateOnStart();
        services.AddSingleton<IRegionLookup>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<OpenIndexOptions>>().Value.GeoIpDatabase)
            ? new UnknownRegion() : ActivatorUtilities.CreateInstance<MaxMindRegion>(sp));
        services.AddSingleton<AccessWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessWriter>());
        services.AddSingleton<AccessRecorder>();
        services.AddScoped<AccessRollup>();
        services.AddHostedService<AccessRollupWorker>();
        services.AddScoped<OpenIndexQueries>();
        services.AddScoped<HotSearches>();
        services.AddScoped<IDemoSeeder, Demo.OpenIndexDemoSeeder>();
        services.AddSingleton<ICliCommand, RollupCommand>();
        services.AddSingleton(new NavItem("开放指数", "/open-index", 75));
        services.AddSingleton(new AdminMenuItem("开放指数", "/manage/open-index", "bar-chart-line", Policies.Admin, 900));
        return builder;
    }

    public static WebApplication MapOpenIndex(this WebApplication app)
    {
        app.MapOpenIndexEndpoints();
        return app;
    }
}

/// <summary>Operator command "open-index rollup": rolls the access events up now (the app also does it every few minutes).</summary>
public sealed class RollupCommand : ICliCommand
{
    public string Name => "open-index rollup";

    public async Task RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var r = await scope.ServiceProvider.GetRequiredService<AccessRollup>().RunAsync(onDemand: true, ct);
        Console.WriteLine($"已汇总 {r.Events} 条访问事件，用时 {r.Took.TotalMilliseconds:0} 毫秒。");
    }
}
