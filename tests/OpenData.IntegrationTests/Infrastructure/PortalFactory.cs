using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenData.Web.Data;

namespace OpenData.IntegrationTests.Infrastructure;

/// <summary>
/// The real app over HTTP on a fresh database: SQLite in a temporary folder, or a new PostgreSQL database
/// on the server named by OPENDATA_TEST_PG (scripts/test.sh starts a throwaway one).
/// </summary>
public abstract class PortalFactory : WebApplicationFactory<Program>
{
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "odp-it-" + Guid.NewGuid().ToString("N")[..12]);
    public abstract string Provider { get; }
    protected abstract string ConnectionString { get; }
    protected virtual bool SeedDemo => true;
    /// <summary>Start from a copy of the once-seeded demo catalog (SeedTemplate) instead of seeding it again.</summary>
    protected virtual bool UsesSeedTemplate => SeedDemo;
    protected virtual bool KeepDataDir => false;
    private bool _cloned;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDir);
        // Once per factory: WithWebHostBuilder runs this again for a second host on the same database.
        if (UsesSeedTemplate && !_cloned && (_cloned = true))
            SeedTemplate.CloneInto(Provider, DataDir, Provider == "Postgres" ? new NpgsqlConnectionStringBuilder(ConnectionString).Database : null);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:OpenData", ConnectionString);
        builder.UseSetting("OpenData:DataDir", DataDir);
        builder.UseSetting("OpenData:SeedDemo", SeedDemo ? "true" : "false");
        // As in Development (the README's run command): a scoped service captured by a singleton fails the tests too.
        builder.UseDefaultServiceProvider(o => { o.ValidateScopes = true; o.ValidateOnBuild = true; });
        builder.ConfigureLogging(l => l.AddProvider(new ServerErrorLog(Provider)));
    }

    public T Service<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    /// <summary>
    /// A client that behaves like a browser on the portal's own pages: keeps cookies, does not follow redirects,
    /// and says "Sec-Fetch-Site: same-origin" as every current browser does for its own origin (the CSRF guard
    /// refuses cookie-authenticated writes without it). Pass <paramref name="sameOrigin"/> false to act as a
    /// client that sends no fetch metadata at all.
    /// </summary>
    public HttpClient CreateBrowserClient() => CreateBrowserClient(sameOrigin: true);

    public HttpClient CreateBrowserClient(bool sameOrigin)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (sameOrigin) client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (KeepDataDir) return;
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public sealed class SqlitePortalFactory : PortalFactory
{
    public override string Provider => "Sqlite";
    protected override string ConnectionString => $"Data Source={Path.Combine(DataDir, "opendata.db")}";
}

public sealed class PostgresPortalFactory : PortalFactory
{
    private readonly string _database = "odp_it_" + Guid.NewGuid().ToString("N")[..12];
    public override string Provider => "Postgres";

    protected override string ConnectionString
    {
        get
        {
            var b = new NpgsqlConnectionStringBuilder(PostgresServer.BaseConnectionString) { Database = _database };
            return b.ConnectionString;
        }
    }
}

public static class PostgresServer
{
    /// <summary>Set by scripts/test.sh; tests fail loudly rather than silently skipping PostgreSQL.</summary>
    public static string BaseConnectionString =>
        Environment.GetEnvironmentVariable("OPENDATA_TEST_PG")
        ?? throw new InvalidOperationException("OPENDATA_TEST_PG is not set: run the tests with scripts/test.sh, which starts PostgreSQL.");
}
