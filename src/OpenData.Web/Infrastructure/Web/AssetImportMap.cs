using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace OpenData.Web.Infrastructure.Web;

/// <summary>
/// The page's import map: page scripts import each other by plain name (./safe-text.js) and the map sends the
/// browser to the fingerprinted, immutable files. It is an inline script, which the CSP forbids (script-src
/// 'self'), so the policy admits exactly this text by its SHA-256 (the map changes only with a new build).
/// </summary>
public static class AssetImportMap
{
    private static readonly ConditionalWeakTable<ResourceAssetCollection, Entry> Cache = new();

    public sealed record Entry(string Json, string CspSource);

    public static Entry For(ResourceAssetCollection assets) => Cache.GetValue(assets, a =>
    {
        // Our page modules only (js/): the vendored libraries are plain scripts loaded by URL, and listing them
        // would name ECharts on every page.
        var modules = new ResourceAssetCollection(a.Where(r => r.Properties?.Any(p => p.Name == "label" && p.Value.StartsWith("js/", StringComparison.Ordinal)) == true).ToList());
        var json = ImportMapDefinition.FromResourceCollection(modules).ToString();
        return new Entry(json, $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(json)))}'");
    });

    /// <summary>The hash source for the page this endpoint renders, or null for responses without a page.</summary>
    public static string? CspSourceFor(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>() is { } assets ? For(assets).CspSource : null;
}
