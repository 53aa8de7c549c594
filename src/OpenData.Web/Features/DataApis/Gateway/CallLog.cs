using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Features.DataApis.Gateway;

/// <summary>
/// Gateway calls are queued in memory and written in batches (one INSERT batch per second instead of
/// one per call); the batch also adds the calls to the per-API and per-dataset counters.
/// </summary>
public sealed class CallLogWriter(IServiceScopeFactory scopes, ILogger<CallLogWriter> log, SqliteWriteTurn? sqliteTurn = null) : BatchWriter<ApiCallLog>(log)
{
    protected override async Task SaveAsync(List<ApiCallLog> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await CallLogInsert.InsertAsync(db, batch, sqliteTurn, ct);
        foreach (var g in batch.Where(c => c.AppId != null && c.Status < 400).GroupBy(c => c.ApiCode))
        {
            long n = g.Count();
            if (await db.ApiProfiles.Where(p => p.ApiCode == g.Key).ExecuteUpdateAsync(s => s.SetProperty(p => p.CallCount, p => p.CallCount + n), ct) == 0)
            {
                db.ApiProfiles.Add(new ApiProfile { ApiCode = g.Key, CallCount = n });
                await db.SaveChangesAsync(ct);
            }
            await db.Datasets.Where(d => d.Resources.Any(r => r.ApiCode == g.Key))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ApiCallCount, d => d.ApiCallCount + n), ct);
        }
    }
}

