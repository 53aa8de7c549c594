using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Features.Datastore;

namespace OpenData.IntegrationTests.Features.DataApis;

/// <summary>
/// Stand-in for the datasets feature's IResourceTables until it lands: tables loaded by the real
/// IngestionRunner into the app's real datastore, registered per resource.
/// </summary>
public sealed class TestResourceTables : IResourceTables
{
    private readonly ConcurrentDictionary<int, ResourceTable> _tables = new();
    public Task<ResourceTable?> CurrentAsync(int resourceId, CancellationToken ct) => Task.FromResult(_tables.GetValueOrDefault(resourceId));
    public Task<ResourceTable?> VersionAsync(int resourceId, int versionNumber, CancellationToken ct) => CurrentAsync(resourceId, ct);
    public void Set(ResourceTable t) => _tables[t.ResourceId] = t;
}

public static class GatewayData
{
    public const string Csv = "区县,站点,PM25,日期\n莲都区,市监测站,35,2025-01-01\n莲都区,南明山,28,2025-01-02\n" +
        "青田县,鹤城,41,2025-01-01\n缙云县,五云,22,2025-01-03\n龙泉市,剑池,19,2025-01-02\n云和县,浮云,30,2025-01-01\n";

    /// <summary>Loads the CSV for the first published demo CSV resource and returns its API code.</summary>
    public static async Task<(string ApiCode, int ResourceId)> LoadAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var r = await db.Resources.AsNoTracking().Where(x => x.Dataset!.IsPublished && x.Format == "CSV").OrderBy(x => x.Id)
            .Select(x => new { x.Id, x.ApiCode }).FirstAsync();
        var tables = (TestResourceTables)scope.ServiceProvider.GetRequiredService<IResourceTables>();
        if (await tables.CurrentAsync(r.Id, default) is null)
        {
            var runner = scope.ServiceProvider.GetRequiredService<IngestionRunner>();
            var result = await runner.RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(GatewayData.Csv)), "air.csv", new IngestionOptions(), null, default);
            Assert.True(result.Succeeded, result.Error?.Message);
            tables.Set(new ResourceTable(r.Id, 1, result.TableName!, result.Columns, result.RowCount));
        }
        return (r.ApiCode, r.Id);
    }

    /// <summary>
    /// The tables loaded here are registered in TestResourceTables, not in the catalog, so the ingestion worker's
    /// startup sweep would drop them as orphans if it ran after the first load (it did, under load): no worker.
    /// </summary>
    public static void UseTestTables(IWebHostBuilder builder)
    {
        builder.UseSetting("Datastore:WorkerEnabled", "false");
        builder.ConfigureTestServices(s => s.AddSingleton<IResourceTables, TestResourceTables>());
    }
}

public sealed class GatewaySqliteFactory : PortalFactory
{
    public override string Provider => "Sqlite";
    protected override string ConnectionString => $"Data Source={Path.Combine(DataDir, "opendata.db")}";
    protected override void ConfigureWebHost(IWebHostBuilder builder) { base.ConfigureWebHost(builder); GatewayData.UseTestTables(builder); }
}

public sealed class GatewayPostgresFactory : PortalFactory
{
    private readonly string _database = "odp_it_" + Guid.NewGuid().ToString("N")[..12];
    public override string Provider => "Postgres";
    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresServer.BaseConnectionString) { Database = _database }.ConnectionString;
    protected override void ConfigureWebHost(IWebHostBuilder builder) { base.ConfigureWebHost(builder); GatewayData.UseTestTables(builder); }
}
