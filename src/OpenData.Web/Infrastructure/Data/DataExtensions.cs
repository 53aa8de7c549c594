using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;

namespace OpenData.Web.Infrastructure.Data;

public static class DataExtensions
{
    private static readonly Auditing.AuditImmutability AuditImmutabilityInstance = new();
    private static readonly SqlitePragmas SqlitePragmasInstance = new();

    /// <summary>Registers the catalog database for the configured provider (Database:Provider).</summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var provider = DatabaseProviders.From(config);
        var connection = config.GetConnectionString("OpenData");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:OpenData is not set.");
            services.AddDbContext<PostgresPortalDbContext>(o => o.UseNpgsql(connection).AddInterceptors(AuditImmutabilityInstance));
            services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<PostgresPortalDbContext>());
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connection))
                connection = $"Data Source={Path.Combine(OpenDataOptions.ResolveDataDir(config, contentRoot), "opendata.db")}";
            services.AddDbContext<SqlitePortalDbContext>(o => o.UseSqlite(connection).AddInterceptors(AuditImmutabilityInstance, SqlitePragmasInstance));
            services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<SqlitePortalDbContext>());
        }
        services.AddSingleton(new DatabaseProviderInfo(provider));
        return services;
    }
}

public enum DatabaseProvider { Sqlite, Postgres }

public sealed record DatabaseProviderInfo(DatabaseProvider Provider);

public static class DatabaseProviders
{
    public static DatabaseProvider From(IConfiguration config) =>
        config["Database:Provider"]?.Trim().ToLowerInvariant() is "postgres" or "postgresql" or "npgsql"
            ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
}
