namespace OpenData.Web.Features.Maps.Pages;

/// <summary>Each layer's colour, fixed by its place in the full list so that list, legend and map agree (and a shared link shows the same colours).</summary>
public static class MapPalette
{
    // Distinct on white and on the plain background, each with at least 4.5:1 contrast for the white count text.
    private static readonly string[] Colors = ["#0b4ea2", "#b3261e", "#2e7d32", "#6a3fb5", "#00727d", "#b0306a", "#8a4b00", "#455a64", "#1f5fbf", "#5d4037"];

    public static Dictionary<string, string> Assign(IReadOnlyList<MapLayerDto> layers) =>
        layers.Select((l, i) => (l.Key, Colors[i % Colors.Length])).ToDictionary(x => x.Key, x => x.Item2);
}
