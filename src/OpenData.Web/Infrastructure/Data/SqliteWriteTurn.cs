namespace OpenData.Web.Infrastructure.Data;

/// <summary>
/// SQLite has one writer at a time. The gateway's two steady writers, the nonce batch (on every call's path) and
/// the call log (every second), take turns here instead of meeting at the file lock: there the loser sleeps in
/// SQLite's busy handler in steps of 1, 2, 5, 10, 15… ms, and a nonce batch that lost to the call log held up every
/// call waiting in it (ADR 0052). Here a writer waits exactly as long as the other holds the lock.
/// </summary>
public sealed class SqliteWriteTurn
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<T> RunAsync<T>(Func<T> write, CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try { return write(); }
        finally { _turn.Release(); }
    }
}
