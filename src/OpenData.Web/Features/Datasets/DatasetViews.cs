namespace OpenData.Web.Features.Datasets;

/// <summary>Counts a view once per visitor, dataset and day; crawlers are not counted.</summary>
public sealed partial class DatasetViews
{
    /// <summary>True when this request added a view. Call it from the detail page and the detail API.</summary>
    public Task<bool> RecordAsync(int datasetId, HttpContext http, CancellationToken ct = default) =>
        throw new NotImplementedException();
}
