using System.Text.Json.Serialization;

namespace OpenData.Web.Features.Interop;

// Frictionless Data Package (v1, tabular-data-package profile) of one public dataset: its files, and for each
// tabular file a Table Schema built from the dataset's field dictionary (数据项).

public sealed record DataPackage(
    string Profile, string Name, string Id, string Title, string Description, string Homepage, string Created,
    IReadOnlyList<string> Keywords, IReadOnlyList<PackageLicense> Licenses, IReadOnlyList<PackageContributor> Contributors,
    IReadOnlyList<PackageResource> Resources);

public sealed record PackageLicense(string Name, string Path, string Title);

public sealed record PackageContributor(string Title, string Role);

public sealed record PackageResource(
    string Profile, string Name, string Title, string Path, string Format, string Mediatype,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Bytes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Encoding,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TableSchema? Schema);

public sealed record TableSchema(IReadOnlyList<SchemaField> Fields, IReadOnlyList<string> MissingValues);

public sealed record SchemaField(
    string Name, string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Format,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? TrueValues = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? FalseValues = null);

public sealed class DataPackages(PublicCatalog catalog, SiteUrl site)
{
    public async Task<DataPackage?> ForAsync(string slug, CancellationToken ct)
    {
        if (await catalog.FindAsync(slug, ct) is not { } d) return null;
        // The CSV export writes booleans as 是/否 and date-times without an offset (ExportWriters).
        var schema = new TableSchema(d.Fields.Select(f => f.Type == "boolean"
            ? new SchemaField(f.Name, "boolean", Describe(f), null, ["是"], ["否"])
            : new SchemaField(f.Name, FieldType(f.Type), Describe(f), f.Type == "datetime" ? "any" : null)).ToList(), [""]);
        var resources = d.Resources.Select(r => r.HasTable
            // Tabular files are offered as the datastore's CSV export, which has exactly the dictionary's columns.
            ? new PackageResource("tabular-data-resource", $"resource-{r.Id}", r.Name,
                site.Of($"/api/v1/datasets/{Uri.EscapeDataString(d.Slug)}/resources/{r.Id}/download?format=csv&acceptAgreement=true"),
                "csv", "text/csv", null, "utf-8", schema)
            : new PackageResource("data-resource", $"resource-{r.Id}", r.Name, site.Download(d.Slug, r.Id),
                r.Format.ToLowerInvariant(), r.MediaType, r.Size > 0 ? r.Size : null, null, null)).ToList();
        return new DataPackage("tabular-data-package", PackageName(d.Slug), site.Dataset(d.Slug), d.Title, d.Summary,
            site.Dataset(d.Slug), d.Issued.ToString("yyyy-MM-ddTHH:mm:sszzz"), d.Tags,
            [new PackageLicense(Ckan.CkanDicts.LicenseId, site.Of("/agreements/download"), d.Licence.Length > 0 ? d.Licence : "丽水市公共数据开放许可协议")],
            [new PackageContributor(d.OrgName, "publisher")], resources);
    }

    /// <summary>Package names are lower-case ASCII letters, digits, "-", "_" and "." only.</summary>
    public static string PackageName(string slug)
    {
        var name = new string(slug.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        return name.Length > 0 ? name : "dataset";
    }

    private static string? Describe(PublicField f)
    {
        var text = string.Join("；", new[] { f.Description, f.Unit.Length > 0 ? "单位：" + f.Unit : "" }.Where(s => s.Length > 0));
        return text.Length > 0 ? text : null;
    }

    public static string FieldType(string type) => type switch
    {
        "integer" => "integer", "decimal" => "number", "date" => "date", "datetime" => "datetime", "month" => "yearmonth", "boolean" => "boolean", _ => "string",
    };
}
