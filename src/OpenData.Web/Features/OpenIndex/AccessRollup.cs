using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.OpenIndex;

public sealed record RollupResult(long Events, TimeSpan Took);

/// <summary>
/// Rolls access events into the daily tables: per chunk of ids, one INSERT … SELECT … GROUP BY … ON CONFLICT DO
/// UPDATE per table (SQLite and PostgreSQL both have the upsert), then the watermark moves, all in one transaction so
/// a crash never counts a chunk twice. PostgreSQL locks the watermark row, so two nodes never roll the same chunk.
/// </summary>
public sealed class AccessRollup(PortalDbContext db, AccessWriter writer, TimeProvider clock, IOptions<OpenIndexOptions> options)
{
    public const int ChunkSize = 100_000;

    private const string Sources = "\"Day\", \"Action\", \"Channel\", \"DepartmentId\", \"Referrer\", \"Industry\", \"Occupation\", \"Region\"";
    private const string Items = "\"Day\", \"Action\", \"ItemKind\", \"ItemKey\"";

    public const string SourcesSql =
        $"INSERT INTO \"AccessDaily\" ({Sources}, \"Count\") SELECT {Sources}, COUNT(*) FROM \"AccessEvents\" " +
        $"WHERE \"Id\" > {{0}} AND \"Id\" <= {{1}} GROUP BY {Sources} " +
        $"ON CONFLICT ({Sources}) DO UPDATE SET \"Count\" = \"AccessDaily\".\"Count\" + excluded.\"Count\"";

    public const string ItemsSql =
        $"INSERT INTO \"ItemDaily\" ({Items}, \"DepartmentId\", \"Count\") SELECT {Items}, MAX(\"DepartmentId\"), COUNT(*) FROM \"AccessEvents\" " +
        $"WHERE \"Id\" > {{0}} AND \"Id\" <= {{1}} AND \"ItemKey\" <> '' GROUP BY {Items} " +
        $"ON CONFLICT ({Items}) DO UPDATE SET \"Count\" = \"ItemDaily\".\"Count\" + excluded.\"Count\", \"DepartmentId\" = excluded.\"DepartmentId\"";

    /// <summary>
    /// onDemand: save this node's queue first and take every saved event. The timer leaves the last seconds alone,
    /// because on PostgreSQL ids come from a sequence and another node's batch may still commit a lower id.
    /// </summary>
    public async Task<RollupResult> RunAsync(bool onDemand, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        if (onDemand) await writer.FlushAsync(ct);
        var cutoff = onDemand ? DateTimeOffset.MaxValue : clock.GetUtcNow() - TimeSpan.FromSeconds(30);
        var until = onDemand ? await db.AccessEvents.MaxAsync(e => (long?)e.Id, ct)
            : await db.AccessEvents.Where(e => e.At <= cutoff).MaxAsync(e => (long?)e.Id, ct);
        long total = 0;
        if (until is not null)
        {
            await EnsureStateAsync(ct);
            while (true)
            {
                var n = await RollChunkAsync(until.Value, ct);
                if (n < 0) break;
                total += n;
            }
        }
        await PruneAsync(ct);
        return new RollupResult(total, watch.Elapsed);
    }

    /// <summary>One chunk in one transaction; -1 when the watermark has reached <paramref name="until"/>.</summary>
    private async Task<long> RollChunkAsync(long until, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var lo = db.Database.GetDbConnection() is NpgsqlConnection
            ? await db.Database.SqlQueryRaw<long>("SELECT \"LastEventId\" AS \"Value\" FROM \"AccessRollupStates\" WHERE \"Id\" = 1 FOR UPDATE").SingleAsync(ct)
            : await db.AccessRollupStates.Where(s => s.Id == 1).Select(s => s.LastEventId).SingleAsync(ct);
        if (lo >= until) return -1;
        var hi = Math.Min(until, lo + ChunkSize);
        var count = await db.AccessEvents.CountAsync(e => e.Id > lo && e.Id <= hi, ct);
        await db.Database.ExecuteSqlRawAsync(SourcesSql, [lo, hi], ct);
        await db.Database.ExecuteSqlRawAsync(ItemsSql, [lo, hi], ct);
        var now = clock.GetUtcNow();
        await db.AccessRollupStates.Where(s => s.Id == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastEventId, hi).SetProperty(x => x.RolledAt, now), ct);
        await tx.CommitAsync(ct);
        return count;
    }

    private async Task EnsureStateAsync(CancellationToken ct)
    {
        if (await db.AccessRollupStates.AnyAsync(s => s.Id == 1, ct)) return;
        db.AccessRollupStates.Add(new AccessRollupState { Id = 1 });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); } // another node created it first
    }

    /// <summary>Raw events are kept OpenIndex:RawRetentionDays after they were rolled up, then deleted.</summary>
    private async Task PruneAsync(CancellationToken ct)
    {
        var mark = await db.AccessRollupStates.Where(s => s.Id == 1).Select(s => (long?)s.LastEventId).FirstOrDefaultAsync(ct) ?? 0;
        var before = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.RawRetentionDays);
        await db.AccessEvents.Where(e => e.Id <= mark && e.At < before).ExecuteDeleteAsync(ct);
    }

    public async Task<DateTimeOffset?> LastRunAsync(CancellationToken ct) =>
        await db.AccessRollupStates.AsNoTracking().Where(s => s.Id == 1).Select(s => s.RolledAt).FirstOrDefaultAsync(ct);
}

/// <summary>Runs the rollup every OpenIndex:RollupMinutes.</summary>
public sealed class AccessRollupWorker(IServiceScopeFactory scopes, IOptions<OpenIndexOptions> options, ILogger<AccessRollupWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.RollupMinutes)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AccessRollup>().RunAsync(onDemand: false, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "The access rollup failed"); }
        }
    }
}
