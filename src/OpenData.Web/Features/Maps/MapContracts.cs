namespace OpenData.Web.Features.Maps;

/// <summary>A map layer of the public list: a resource of a published, openly available dataset.</summary>
public sealed record MapLayerDto(
    string Slug, int ResourceId, string Title, string ResourceName, string Domain, int DomainId, string Organization,
    long Count, string Crs, string Kind, bool IsSample)
{
    /// <summary>The layer's key in /map URLs: slug:resourceId.</summary>
    public string Key => $"{Slug}:{ResourceId}";
}

public sealed record MapLayerListDto(IReadOnlyList<MapLayerDto> Items, int Total);

/// <summary>The administrator's base map: tile URL template (empty: plain background), attribution, its coordinate system.</summary>
public sealed record BaseMapDto(string TileUrl, string Attribution, string Crs, int Subdomains);

/// <summary>The provider's view of a resource as a layer, for the field page.</summary>
public sealed record LayerStatusDto(
    int ResourceId, string ResourceName, string State, string LngField, string LatField, string Crs,
    long ValidCount, long OutsideCount, long InvalidCount, bool SwapSuggested, string Note, IReadOnlyList<string> Fields);
