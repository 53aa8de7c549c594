using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;

namespace OpenData.Web.Infrastructure.Data;

/// <summary>
/// Demo content contributed by a feature; runs on every start with OpenData:SeedDemo. Each seeder adds only what
/// its feature lacks, so a database seeded before a feature existed gets that feature's demo content too.
/// </summary>
public interface IDemoSeeder
{
    int Order { get; }
    Task SeedAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>Runs after migrations on every start (e.g. the initial admin from OpenData:AdminPassword).</summary>
public interface IStartupSeeder
{
    Task SeedAsync(IServiceProvider services, CancellationToken ct);
}

public static class DatabaseStartup
{
    /// <summary>Applies migrations, reference data, startup seeders, and the demo catalog when asked.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool? forceDemo = null, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PortalDbContext>();
        await db.Database.MigrateAsync(ct);
        await ReferenceDataSeeder.SeedAsync(db, ct);
        foreach (var seeder in sp.GetServices<IStartupSeeder>())
            await seeder.SeedAsync(sp, ct);

        var wantDemo = forceDemo ?? (app.Configuration.GetValue<bool?>("OpenData:SeedDemo") ?? app.Environment.IsDevelopment());
        if (wantDemo)
            await SeedDemoAsync(sp, ct);
    }

    public static async Task SeedDemoAsync(IServiceProvider sp, CancellationToken ct)
    {
        foreach (var seeder in sp.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
            await seeder.SeedAsync(sp, ct);
    }
}
