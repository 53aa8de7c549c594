using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Features.DataApis.Gateway;

/// <summary>
/// Gateway calls are queued in memory and written in batches (one INSERT batch per second instead of
/// one per call); the batch also adds the calls to the per-API and per-dataset counters.
/// </summary>
public sealed class CallLogWriter(IServiceScopeFactory scopes, ILogger<CallLogWriter> log, SqliteWriteTurn? sqliteTurn = null) : BackgroundService
{
    private readonly Channel<ApiCallLog> _queue = Channel.CreateBounded<ApiCallLog>(
        new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public void Enqueue(ApiCallLog call) => _queue.Writer.TryWrite(call);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await FlushAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Writing the API call log failed"); }
        }
    }

    /// <summary>Writes everything queued so far (tests call it to read their own calls back at once).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        await _flushing.WaitAsync(ct);
        try
        {
            var batch = new List<ApiCallLog>();
            while (batch.Count < 5000 && _queue.Reader.TryRead(out var c)) batch.Add(c);
            if (batch.Count == 0) return;
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
        finally { _flushing.Release(); }
    }
}
