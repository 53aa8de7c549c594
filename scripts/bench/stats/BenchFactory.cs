using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace StatsBench;

/// <summary>The real app in memory on a fresh database (SQLite file, or a new PostgreSQL database).</summary>
public sealed class BenchFactory(string provider, string connection, string dataDir) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:OpenData", connection);
        builder.UseSetting("OpenData:DataDir", dataDir);
        builder.UseSetting("OpenData:SeedDemo", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // ODP_BENCH_SQL=1 prints every SQL command with its duration.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command",
            Environment.GetEnvironmentVariable("ODP_BENCH_SQL") == "1" ? "Information" : "Warning");
    }
}
