using Microsoft.Extensions.Options;

namespace OpenData.Web.Features.DataApis.Gateway;

/// <summary>
/// Caps how many data queries of the gateway a node runs at once (ADR 0052). Beyond the database's cores, more
/// queries at once do not finish sooner: they take turns on the CPU, each one slower, and the slowest calls grow
/// slowest of all. Calls over the cap wait their turn here, first come first served, and then run at full speed.
/// Only the query is inside: signature checks, nonces and writing the JSON run beside it.
/// </summary>
public sealed class QueryGate(IOptions<DataApisOptions> options)
{
    private readonly SemaphoreSlim _slots = new(Slots(options.Value), Slots(options.Value));

    public static int Slots(DataApisOptions o) => o.MaxConcurrentQueries > 0 ? o.MaxConcurrentQueries : 4 * Environment.ProcessorCount;

    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try { return await work(); }
        finally { _slots.Release(); }
    }
}
