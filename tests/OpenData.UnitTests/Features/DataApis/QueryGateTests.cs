using Microsoft.Extensions.Options;
using OpenData.Web.Features.DataApis;
using OpenData.Web.Features.DataApis.Gateway;

namespace OpenData.UnitTests.Features.DataApis;

public class QueryGateTests
{
    [Fact]
    public async Task Queries_over_the_cap_wait_and_then_run_in_arrival_order()
    {
        var gate = new QueryGate(Options.Create(new DataApisOptions { MaxConcurrentQueries = 2 }));
        // Each query runs until the test finishes it, so every admission follows exactly one freed slot.
        var finish = Enumerable.Range(0, 6).Select(_ => new TaskCompletionSource()).ToArray();
        var running = 0;
        var peak = 0;
        var order = new List<int>();
        async Task<int> Query(int n)
        {
            var now = Interlocked.Increment(ref running);
            lock (order) { order.Add(n); peak = Math.Max(peak, now); }
            await finish[n].Task;
            Interlocked.Decrement(ref running);
            return n;
        }
        int Started() { lock (order) return order.Count; }

        var calls = Enumerable.Range(0, 6).Select(n => gate.RunAsync(() => Query(n), CancellationToken.None)).ToList();
        await Task.Delay(50);
        Assert.Equal(2, Volatile.Read(ref running)); // the other four wait at the gate
        for (var n = 0; n < 6; n++)
        {
            finish[n].SetResult();
            var expected = Math.Min(6, n + 3);
            Assert.True(SpinWait.SpinUntil(() => Started() == expected, TimeSpan.FromSeconds(5)), $"query {expected - 1} was not admitted");
        }
        var results = await Task.WhenAll(calls);
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, results);
        Assert.Equal(2, peak);
        Assert.Equal([0, 1, 2, 3, 4, 5], order);
    }

    [Fact]
    public async Task A_cancelled_wait_gives_up_its_place_and_a_failed_query_frees_its_slot()
    {
        var gate = new QueryGate(Options.Create(new DataApisOptions { MaxConcurrentQueries = 1 }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => gate.RunAsync<int>(() => throw new InvalidOperationException(), CancellationToken.None));
        var hold = new TaskCompletionSource<int>();
        var first = gate.RunAsync(() => hold.Task, CancellationToken.None);
        using var cts = new CancellationTokenSource(20);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.RunAsync(() => Task.FromResult(2), cts.Token));
        hold.SetResult(1);
        Assert.Equal(1, await first);
        Assert.Equal(3, await gate.RunAsync(() => Task.FromResult(3), CancellationToken.None));
    }

    [Fact]
    public void The_default_cap_is_four_per_processor() =>
        Assert.Equal(4 * Environment.ProcessorCount, QueryGate.Slots(new DataApisOptions()));
}
