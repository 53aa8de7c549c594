namespace OpenData.Web.Features.Interop;

/// <summary>The "Interop" configuration section (see docs/configuration.md).</summary>
public sealed class InteropOptions
{
    public const string Section = "Interop";

    /// <summary>
    /// The portal's public address (for example https://data.lishui.gov.cn), used in every absolute URL of the
    /// catalog documents, sitemap and feeds. Empty: the address the request came in on.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>package_search: rows when the caller gives none, and the most it may ask for (CKAN's defaults).</summary>
    public int SearchRowsDefault { get; set; } = 10;
    public int SearchRowsMax { get; set; } = 1000;

    /// <summary>datastore_search: limit when the caller gives none, and the most it may ask for (CKAN's defaults).</summary>
    public int DatastoreLimitDefault { get; set; } = 100;
    public int DatastoreLimitMax { get; set; } = 32000;

    /// <summary>Datasets per page of the DCAT catalog documents (Hydra paging).</summary>
    public int CatalogPageSize { get; set; } = 100;

    public static bool IsValid(InteropOptions o) =>
        (o.PublicBaseUrl.Length == 0 || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _)) &&
        o.SearchRowsDefault is > 0 && o.SearchRowsMax >= o.SearchRowsDefault &&
        o.DatastoreLimitDefault is > 0 && o.DatastoreLimitMax >= o.DatastoreLimitDefault && o.CatalogPageSize is > 0 and <= 1000;
}
