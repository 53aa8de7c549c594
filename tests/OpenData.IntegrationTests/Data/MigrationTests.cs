using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data;

namespace OpenData.IntegrationTests.Data;

public abstract class MigrationTests(PortalFactory factory)
{
    [Fact]
    public async Task Every_migration_is_applied_and_reference_data_is_present()
    {
        await factory.CreateClient().GetAsync("/healthz");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(22, await db.Domains.CountAsync());
        Assert.Equal(10, await db.Counties.CountAsync());
        Assert.True(await db.Departments.CountAsync() >= 40);
        Assert.True(await db.Departments.AnyAsync(d => d.Code == "sthjj" && d.Name == "丽水市生态环境局"));
    }

    [Fact]
    public void The_model_has_no_changes_missing_from_the_migrations()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), $"{factory.Provider}: run scripts/add-migration.sh");
    }
}

public sealed class MigrationTestsSqlite(SqlitePortalFactory f) : MigrationTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class MigrationTestsPostgres(PostgresPortalFactory f) : MigrationTests(f), IClassFixture<PostgresPortalFactory>;
