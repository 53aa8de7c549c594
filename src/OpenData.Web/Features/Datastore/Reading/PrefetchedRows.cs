using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// Reads and shapes rows on a second thread, a batch ahead of the thread that converts and writes them
/// (ADR 0011): parsing is about half the work of a load, and the database takes the rest. Exceptions of the
/// reader surface on the consuming side as they were thrown; abandoning the rows stops the reader before the
/// caller may rewind the file.
/// </summary>
internal static class PrefetchedRows
{
    private const int BatchRows = 512;

    public static IEnumerable<RawRow> Of(IEnumerator<RawRow> rows, Func<IEnumerator<RawRow>, bool> next, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<RawRow[]>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Exception? failure = null;
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new List<RawRow>(BatchRows);
                while (next(rows))
                {
                    batch.Add(rows.Current);
                    if (batch.Count < BatchRows) continue;
                    if (!channel.Writer.WriteAsync([.. batch], stop.Token).AsTask().Wait(Timeout.Infinite, stop.Token)) return;
                    batch.Clear();
                }
                if (batch.Count > 0) channel.Writer.WriteAsync([.. batch], stop.Token).AsTask().Wait(Timeout.Infinite, stop.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested || ct.IsCancellationRequested)
            {
                failure = e is AggregateException { InnerException: { } inner } ? inner : e;
            }
            catch (OperationCanceledException) { } // the consumer stopped early
            finally
            {
                rows.Dispose();
                channel.Writer.TryComplete();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            while (channel.Reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
                while (channel.Reader.TryRead(out var batch))
                    foreach (var row in batch) yield return row;
            producer.Wait(CancellationToken.None);
            if (failure is not null) ExceptionDispatchInfo.Throw(failure);
        }
        finally
        {
            stop.Cancel();
            try { producer.Wait(CancellationToken.None); } catch (AggregateException) { } // it records its own failure
        }
    }
}
