using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datastore.Storage;

namespace OpenData.Web.Features.Datastore.Jobs;

/// <summary>Wakes the worker early when a job is queued on this node (other nodes find it on their next poll).</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim signal = new(0);
    public void Poke() { if (signal.CurrentCount == 0) signal.Release(); }
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Claims queued "ingest" jobs from the database with one conditional UPDATE (State = Queued → Running), so
/// two nodes never run the same job, and runs each through <see cref="IngestionJobRunner"/>. Jobs left
/// Running by a dead process (stale heartbeat) are queued again or, after too many attempts, failed;
/// at start-up, datastore tables no version points to (a crash after a load's commit) are dropped.
/// </summary>
public sealed class IngestionWorker(IServiceScopeFactory scopes, JobSignal signal, IOptions<DatastoreOptions> options,
    TimeProvider clock, ILogger<IngestionWorker> log) : BackgroundService
{
    public static readonly string Node = $"{Environment.MachineName}/{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var o = options.Value;
        if (!o.WorkerEnabled) return;
        try { await SweepAsync(stoppingToken); }
        catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Datastore sweep failed"); }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RecoverAsync(stoppingToken);
                while (await ClaimAsync(stoppingToken) is { } id) await RunAsync(id, stoppingToken);
                await signal.WaitAsync(TimeSpan.FromSeconds(o.JobPollSeconds), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogError(e, "Ingestion worker loop failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(o.JobPollSeconds), stoppingToken);
            }
        }
    }

    private async Task<long?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        foreach (var id in await db.Jobs.Where(j => j.State == JobState.Queued && j.Kind == "ingest")
                     .OrderBy(j => j.CreatedAt).Select(j => j.Id).Take(5).ToListAsync(ct))
        {
            var now = clock.GetUtcNow();
            var claimed = await db.Jobs.Where(j => j.Id == id && j.State == JobState.Queued).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Running).SetProperty(j => j.ClaimedBy, Node)
                .SetProperty(j => j.StartedAt, now).SetProperty(j => j.HeartbeatAt, now)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.Progress, 1), ct);
            if (claimed == 1) return id;
        }
        return null;
    }

    private async Task RunAsync(long id, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IngestionJobRunner>().RunAsync(id, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Ingestion job {Job} failed unexpectedly", id);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = clock.GetUtcNow();
            await db.Jobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Failed)
                .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.Progress, 100)
                .SetProperty(j => j.ErrorMessage, "处理文件时发生内部错误，数据没有被发布，之前的版本继续提供服务。请稍后重新上传；如果反复出现，请联系平台管理员。"), ct);
        }
    }

    /// <summary>A Running job whose heartbeat stopped belonged to a process that died (kill -9, power loss):
    /// its load rolled back with it, so running it again from the file is safe.</summary>
    public async Task RecoverAsync(CancellationToken ct)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var stale = clock.GetUtcNow().AddSeconds(-o.JobStaleSeconds);
        var now = clock.GetUtcNow();
        var failed = await db.Jobs.Where(j => j.State == JobState.Running && j.HeartbeatAt < stale && j.Attempts >= o.JobMaxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Failed).SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.ErrorMessage, "处理过程中平台服务中断，已多次重试仍未完成，数据没有被发布，之前的版本继续提供服务。请重新上传该文件。"), ct);
        var requeued = await db.Jobs.Where(j => j.State == JobState.Running && j.HeartbeatAt < stale)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Queued).SetProperty(j => j.ClaimedBy, (string?)null), ct);
        if (failed + requeued > 0) log.LogWarning("Recovered interrupted ingestion jobs: {Requeued} queued again, {Failed} failed", requeued, failed);
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var live = (await db.ResourceVersions.Where(v => v.TableName != null).Select(v => v.TableName!).ToListAsync(ct)).ToHashSet();
        var dropped = await scope.ServiceProvider.GetRequiredService<IDatastore>().SweepOrphansAsync(live, ct);
        if (dropped.Count > 0) log.LogWarning("Dropped {Count} orphan datastore tables", dropped.Count);
    }
}
