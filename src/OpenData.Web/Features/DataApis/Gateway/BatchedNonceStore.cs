using System.Threading.Channels;

namespace OpenData.Web.Features.DataApis.Gateway;

public readonly record struct NonceEntry(int AppId, string Nonce, DateTimeOffset ExpiresAt);

/// <summary>Inserts a batch of nonces in one transaction; returns, per entry, whether it was new.</summary>
public interface INonceBatchWriter
{
    Task<bool[]> InsertAsync(IReadOnlyList<NonceEntry> batch, CancellationToken ct);
}

/// <summary>
/// The database nonce store with group commit (ADR 0051). Every signed call needs its nonce inserted before it
/// may proceed, and that insert is exact across nodes (a unique key decides). One insert per call cost a round
/// trip (PostgreSQL) or a write transaction that 64 concurrent callers queued for with SQLite's busy sleeps.
/// Here the calls waiting at the same moment share one statement and one commit: a single loop takes everything
/// queued, writes it, and only after the commit tells each call its answer. A nonce repeated inside one batch is
/// new only for its first caller.
/// </summary>
public sealed class BatchedNonceStore : INonceStore, IAsyncDisposable
{
    public const int MaxBatch = 512;
    private readonly Channel<(NonceEntry Entry, TaskCompletionSource<bool> Done)> _queue =
        Channel.CreateUnbounded<(NonceEntry, TaskCompletionSource<bool>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly INonceBatchWriter _writer;
    private readonly ILogger<BatchedNonceStore> _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public BatchedNonceStore(INonceBatchWriter writer, ILogger<BatchedNonceStore> log)
    {
        (_writer, _log) = (writer, log);
        _loop = Task.Run(LoopAsync);
    }

    public Task<bool> TryUseAsync(int appId, string nonce, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((new NonceEntry(appId, nonce, expiresAt), done)))
            throw new ObjectDisposedException(nameof(BatchedNonceStore));
        // A caller that gives up stops waiting; its nonce is still recorded, as it would be mid-statement.
        return done.Task.WaitAsync(ct);
    }

    private async Task LoopAsync()
    {
        var batch = new List<(NonceEntry Entry, TaskCompletionSource<bool> Done)>(MaxBatch);
        var entries = new List<NonceEntry>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stop.Token))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
                entries.Clear();
                foreach (var (entry, _) in batch) entries.Add(entry);
                try
                {
                    var fresh = await _writer.InsertAsync(entries, _stop.Token);
                    for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(fresh[i]);
                }
                catch (Exception e)
                {
                    if (e is not OperationCanceledException) _log.LogError(e, "Nonce batch of {Count} could not be written", batch.Count);
                    foreach (var (_, done) in batch) done.TrySetException(e);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested) { }
    }

    /// <summary>Answers what is queued (for a few seconds at most), then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try { await _loop.WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (TimeoutException) { await _stop.CancelAsync(); }
        try { await _loop; } catch (OperationCanceledException) { }
        while (_queue.Reader.TryRead(out var left)) left.Done.TrySetCanceled();
        _stop.Dispose();
    }
}
