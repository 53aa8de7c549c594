using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenData.Web.Data;

namespace OpenData.Web.Infrastructure.Data;

public static class DataExtensions
{
    private static readonly Auditing.AuditImmutability AuditImmutabilityInstance = new();
    private static readonly SqlitePragmas SqlitePragmasInstance = new();

    /// <summary>
    /// Registers the catalog database for the configured provider (Database:Provider). On PostgreSQL, EF Core, the
    /// datastore's reads and the gateway's nonce insert share one pool (<see cref="PortalDataSource"/>). The options stay
    /// scoped: the interaction feature adds a scoped interceptor (DatasetChangeWatcher) with per-request state.
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var provider = DatabaseProviders.From(config);
        var connection = config.GetConnectionString("OpenData");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:OpenData is not set.");
            services.AddSingleton(_ => PortalDataSource.Create(connection));
            services.AddDbContext<PostgresPortalDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()).AddInterceptors(AuditImmutabilityInstance));
            services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<PostgresPortalDbContext>());
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connection))
                connection = $"Data Source={Path.Combine(OpenDataOptions.ResolveDataDir(config, contentRoot), "opendata.db")}";
            services.AddDbContext<SqlitePortalDbContext>(o => o.UseSqlite(connection).AddInterceptors(AuditImmutabilityInstance, SqlitePragmasInstance));
            services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<SqlitePortalDbContext>());
            services.AddSingleton<SqliteWriteTurn>();
        }
        services.AddSingleton(new DatabaseProviderInfo(provider, connection));
        services.AddScoped(typeof(Deferred<>));
        return services;
    }
}

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>The catalog's provider and connection string (the SQLite default path already resolved).</summary>
public sealed record DatabaseProviderInfo(DatabaseProvider Provider, string ConnectionString);

public static class DatabaseProviders
{
    public static DatabaseProvider From(IConfiguration config) =>
        config["Database:Provider"]?.Trim().ToLowerInvariant() is "postgres" or "postgresql" or "npgsql"
            ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
}
