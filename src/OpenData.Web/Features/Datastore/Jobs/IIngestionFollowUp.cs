namespace OpenData.Web.Features.Datastore.Jobs;

/// <summary>
/// Work another feature does once a version's table became the one served (e.g. Maps recognises coordinate
/// columns). Runs after the catalog committed; a failure is logged and never fails the load.
/// </summary>
public interface IIngestionFollowUp
{
    Task LoadedAsync(int resourceId, ResourceTable table, CancellationToken ct);
}
