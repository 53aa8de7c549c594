using System.Threading.Channels;

namespace OpenData.Web.Infrastructure.Data;

/// <summary>
/// Records queued in memory and saved in batches (at most once a second, up to 5 000 a batch) by a background
/// service, so the request that produced them never waits for the database. When the queue is full the oldest
/// are dropped: counts may lose a little under overload, requests never block. The gateway's call log and the
/// open index's access events both write this way.
/// </summary>
public abstract class BatchWriter<T>(ILogger log) : BackgroundService
{
    private const int BatchSize = 5000;
    private readonly Channel<T> _queue = Channel.CreateBounded<T>(
        new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public void Enqueue(T item) => _queue.Writer.TryWrite(item);

    /// <summary>Saves one batch; called with the flush lock held, never with an empty batch.</summary>
    protected abstract Task SaveAsync(List<T> batch, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await FlushAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Writing queued {Type} records failed", typeof(T).Name); }
        }
    }

    /// <summary>Saves everything queued so far (tests and on-demand jobs call it to read their own records back at once).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        await _flushing.WaitAsync(ct);
        try
        {
            while (true)
            {
                var batch = new List<T>();
                while (batch.Count < BatchSize && _queue.Reader.TryRead(out var item)) batch.Add(item);
                if (batch.Count == 0) return;
                await SaveAsync(batch, ct);
            }
        }
        finally { _flushing.Release(); }
    }
}
