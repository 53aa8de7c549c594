using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenData.Web.Data;
using OpenData.Web.Features.Home;
using OpenData.Web.Infrastructure.Cli;
using OpenData.Web.Infrastructure.Data;
using OpenData.Web.Infrastructure.Storage;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Datasets;

public static class DatasetsFeature
{
    public static WebApplicationBuilder AddDatasets(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMemoryCache();
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddSingleton<ChineseSegmenter>();
        services.AddScoped<DatasetSearch>();
        services.AddScoped<DatasetQueries>();
        services.AddScoped<DatasetCommands>();
        services.AddScoped<UploadLimit>();
        services.AddScoped<DatasetDownloads>();
        services.AddScoped<DatasetViews>();
        services.TryAddScoped<IDatasetGrants, NoDatasetGrants>();
        services.AddScoped<IStartupSeeder, SqliteSearchIndex>();
        services.AddSingleton<ICliCommand, ReindexCommand>();
        services.AddScoped<IDemoSeeder, Demo.DatasetDemoSeeder>();
        services.AddSingleton(new NavItem("数据开放", "/datasets", 10));
        services.AddScoped<IPlatformCounter, DatasetCounter>();
        services.AddScoped<IDomainCounts, DatasetDomainCounts>();
        return builder;
    }

    public static WebApplication MapDatasets(this WebApplication app)
    {
        app.MapDatasetEndpoints();
        return app;
    }
}

/// <summary>Published datasets, for the home page figures.</summary>
public sealed class DatasetCounter(PortalDbContext db) : IPlatformCounter
{
    public string Label => "数据集";
    public string Unit => "个";
    public string? Href => "/datasets";
    public int Order => 10;
    public Task<int> CountAsync(CancellationToken ct) => db.Datasets.CountAsync(d => d.IsPublished, ct);
}

/// <summary>Published datasets per domain, for the home tiles.</summary>
public sealed class DatasetDomainCounts(PortalDbContext db) : IDomainCounts
{
    public async Task<Dictionary<int, int>> CountByDomainAsync(CancellationToken ct) =>
        await db.Datasets.Where(d => d.IsPublished).GroupBy(d => d.DomainId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}

/// <summary>Operator command "reindex": rebuilds every dataset's search document and the index over them.</summary>
public sealed class ReindexCommand : ICliCommand
{
    public string Name => "reindex";

    public async Task RunAsync(IServiceProvider services, string[] args, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var n = await scope.ServiceProvider.GetRequiredService<DatasetSearch>().ReindexAllAsync(ct);
        Console.WriteLine($"已重建 {n} 个数据集的搜索索引。");
    }
}
