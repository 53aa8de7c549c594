using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenData.Web.Features.Interop.Ckan;

// The shapes of CKAN 2.11's action API (package, resource, organization/group, tag dicts), serialized in
// CKAN's snake_case. Times are CKAN's: UTC without an offset, microseconds.

public sealed record CkanPackage(
    string Id, string Name, string Title, string Notes, string Type, string State, bool Private, bool Isopen,
    string? Author, string? AuthorEmail, string? Maintainer, string? MaintainerEmail,
    string LicenseId, string LicenseTitle, string LicenseUrl, string Url, string? Version, string OwnerOrg,
    string MetadataCreated, string MetadataModified, int NumResources, int NumTags,
    CkanGroup Organization, IReadOnlyList<CkanGroup> Groups, IReadOnlyList<CkanTag> Tags,
    IReadOnlyList<CkanResource> Resources, IReadOnlyList<CkanExtra> Extras,
    IReadOnlyList<object> RelationshipsAsSubject, IReadOnlyList<object> RelationshipsAsObject);

public sealed record CkanResource(
    string Id, string PackageId, string Name, string Description, string Format, string Mimetype, long? Size,
    string Url, string? UrlType, string Created, string LastModified, string MetadataModified, int Position, string State,
    bool DatastoreActive, long? RowCount, string? ApiCode);

/// <summary>An organization (提供机构) or a group (数据领域): CKAN uses one dict for both.</summary>
public sealed record CkanGroup(
    string Id, string Name, string Title, string DisplayName, string Description, string ImageUrl, string ImageDisplayUrl,
    string Type, bool IsOrganization, string ApprovalStatus, string State, string Created,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PackageCount = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CkanPackage>? Packages = null);

public sealed record CkanTag(string Id, string Name, string DisplayName, string State, string? VocabularyId);

public sealed record CkanExtra(string Key, string Value);

public sealed record CkanFacetItem(string Name, string DisplayName, int Count);

public sealed record CkanSearchFacet(string Title, IReadOnlyList<CkanFacetItem> Items);

public sealed record CkanSearchResult(
    int Count, string Sort, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets,
    IReadOnlyList<CkanPackage> Results, IReadOnlyDictionary<string, CkanSearchFacet> SearchFacets);

public static class CkanJson
{
    /// <summary>snake_case names; dictionary keys (field names, facet values) stay as they are.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);
}
