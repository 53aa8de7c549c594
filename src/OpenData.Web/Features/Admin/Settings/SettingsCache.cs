namespace OpenData.Web.Features.Admin.Settings;

/// <summary>
/// This node's copy of the settings snapshot. Every invalidation starts a new generation, and a snapshot is kept
/// only if no invalidation happened while it was read: a slow read that began before a change was committed can no
/// longer put the old values back after the change (it did, under load, and a new agreement version went unasked).
/// </summary>
public sealed class SettingsCache
{
    private readonly Lock _gate = new();
    private SettingsSnapshot? _snapshot;
    private long _generation;

    public (SettingsSnapshot? Snapshot, long Generation) Read()
    {
        lock (_gate) return (_snapshot, _generation);
    }

    /// <summary>Keeps the snapshot if it was read in the current generation.</summary>
    public void Offer(SettingsSnapshot snapshot, long readInGeneration)
    {
        lock (_gate)
            if (readInGeneration == _generation) _snapshot = snapshot;
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _snapshot = null;
        }
    }
}
