namespace OpenData.Web.Features.Maps;

/// <summary>Operator limits of the map service (section "Maps").</summary>
public sealed class MapsOptions
{
    public const string Section = "Maps";
    /// <summary>Largest boundary GeoJSON an administrator may upload.</summary>
    public long MaxBoundaryBytes { get; set; } = 10 * 1048576;
}
