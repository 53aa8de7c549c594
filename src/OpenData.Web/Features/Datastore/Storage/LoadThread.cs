namespace OpenData.Web.Features.Datastore.Storage;

/// <summary>
/// A load's synchronous loops (parsing and encoding rows, sending COPY buffers, SQLite inserts) run for seconds at
/// full CPU. On the thread pool they held two of a 2-core server's few pool threads for the whole load, so web
/// requests and the job's own heartbeat (progress, liveness) queued behind them until the pool grew. A thread of
/// their own leaves the pool to everything else.
/// </summary>
internal static class LoadThread
{
    public static Task Run(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
