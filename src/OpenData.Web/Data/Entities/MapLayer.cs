namespace OpenData.Web.Data.Entities;

/// <summary>How a tabular resource's coordinate columns were judged: found at ingestion, confirmed or turned off by its provider.</summary>
public enum MapLayerState { Detected, Confirmed, Rejected, None }

/// <summary>
/// A tabular resource seen as a point layer (地图图层): which columns hold longitude and latitude, in which
/// coordinate system, and what the last scan of its served table found (drawable points, points outside China,
/// empty or non-numeric cells, swapped axes). One row per resource; GeoJSON resources need none.
/// </summary>
public class MapLayer
{
    public int Id { get; set; }
    public int ResourceId { get; set; }
    public Resource? Resource { get; set; }
    public MapLayerState State { get; set; }
    public string LngField { get; set; } = "";
    public string LatField { get; set; } = "";
    /// <summary>wgs84, gcj02 or bd09 (the provider's declaration; wgs84 until then).</summary>
    public string Crs { get; set; } = "wgs84";
    /// <summary>The datastore table the figures below describe; a new version is scanned again.</summary>
    public string? TableName { get; set; }
    public long ValidCount { get; set; }
    public long OutsideCount { get; set; }
    public long InvalidCount { get; set; }
    /// <summary>Most values fit China only with longitude and latitude exchanged: offered to the provider as a fix.</summary>
    public bool SwapSuggested { get; set; }
    /// <summary>Why a resource is no layer (e.g. only an address column), in Chinese for the page.</summary>
    public string Note { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An administrative boundary layer uploaded by an administrator (GeoJSON, validated); the newest active one is drawn.</summary>
public class MapBoundary
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string GeoJson { get; set; } = "";
    public int FeatureCount { get; set; }
    /// <summary>"名称（代码）" of each area, comma-joined, for the admin page.</summary>
    public string Areas { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedByName { get; set; } = "";
}
