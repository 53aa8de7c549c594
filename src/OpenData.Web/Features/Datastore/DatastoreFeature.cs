using Npgsql;
using Microsoft.Extensions.Options;
using OpenData.Web.Features.Datastore.Querying;
using OpenData.Web.Features.Datastore.Storage;
using OpenData.Web.Infrastructure;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Features.Datastore;

public static class DatastoreFeature
{
    /// <summary>
    /// The datastore engine: on SQLite its own file DataDir/datastore/datastore.db, on PostgreSQL the
    /// catalog database (schema "datastore"); see ADR 0010. The catalog queues ingest jobs; the worker runs them.
    /// </summary>
    public static WebApplicationBuilder AddDatastore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DatastoreOptions>().Bind(builder.Configuration.GetSection(DatastoreOptions.Section))
            .Validate(o => o.MaxUploadBytes > 0 && o.MaxColumns > 0 && o.MaxCellLength > 0 && o.XlsxMaxUncompressedBytes > 0
                && o.XlsxMaxCompressionRatio > 0 && o.XlsxMaxCells > 0 && o.HeaderScanRows > 0 && o.MaxIndexedColumns >= 0,
                "Datastore limits must be positive.")
            .ValidateOnStart();
        var provider = DatabaseProviders.From(builder.Configuration);
        if (provider == DatabaseProvider.Postgres)
        {
            var connection = builder.Configuration.GetConnectionString("OpenData") ?? "";
            services.AddSingleton<IDatastore>(sp => new PostgresDatastore(connection)
            {
                Reads = sp.GetRequiredService<NpgsqlDataSource>(),
                MaxIndexedColumns = sp.GetRequiredService<IOptions<DatastoreOptions>>().Value.MaxIndexedColumns,
                EagerIndexRows = sp.GetRequiredService<IOptions<DatastoreOptions>>().Value.EagerIndexRows,
            });
        }
        else
        {
            var dir = Path.Combine(OpenDataOptions.ResolveDataDir(builder.Configuration, builder.Environment.ContentRootPath), "datastore");
            Directory.CreateDirectory(dir);
            var connection = $"Data Source={Path.Combine(dir, "datastore.db")}";
            services.AddSingleton<IDatastore>(sp => new SqliteDatastore(connection)
            {
                MaxIndexedColumns = sp.GetRequiredService<IOptions<DatastoreOptions>>().Value.MaxIndexedColumns,
                EagerIndexRows = sp.GetRequiredService<IOptions<DatastoreOptions>>().Value.EagerIndexRows,
            });
        }
        services.AddSingleton<IngestionRunner>();
        services.AddSingleton<DatastoreReader>();
        services.AddSingleton<DatastoreAnalysis>();
        services.AddSingleton<Jobs.JobSignal>();
        services.AddScoped<Jobs.IngestionJobRunner>();
        services.AddHostedService<Jobs.IngestionWorker>();
        services.AddScoped<IResourceTables, CatalogResourceTables>();
        services.AddScoped<ResourceData>();
        return builder;
    }

    public static WebApplication MapDatastore(this WebApplication app)
    {
        app.MapDataEndpoints();
        return app;
    }
}
