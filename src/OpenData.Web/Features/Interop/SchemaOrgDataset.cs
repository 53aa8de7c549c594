using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace OpenData.Web.Features.Interop;

/// <summary>
/// The schema.org Dataset of a dataset page (what search engines' dataset search reads), as JSON that is safe
/// inside a &lt;script&gt; element: &lt;, &gt; and &amp; are escaped, so no text of the dataset can close the element.
/// </summary>
public static class SchemaOrgDataset
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Json(PublicDataset d, SiteUrl site, bool directDownloads)
    {
        var page = site.Dataset(d.Slug);
        var doc = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org/",
            ["@type"] = "Dataset",
            ["name"] = d.Title,
            ["description"] = d.Summary.Length > 0 ? d.Summary : d.Title,
            ["url"] = page,
            ["identifier"] = page,
            ["keywords"] = d.Tags.Append(d.DomainName).Distinct().ToList(),
            ["license"] = site.Of("/agreements/download"),
            ["isAccessibleForFree"] = true,
            ["inLanguage"] = "zh-CN",
            ["creator"] = new Dictionary<string, object?> { ["@type"] = "GovernmentOrganization", ["name"] = d.OrgName, ["url"] = site.Of("/datasets?org=" + Uri.EscapeDataString(d.OrgCode)) },
            ["publisher"] = new Dictionary<string, object?> { ["@type"] = "GovernmentOrganization", ["name"] = "丽水市大数据发展管理局" },
            ["spatialCoverage"] = new Dictionary<string, object?> { ["@type"] = "Place", ["name"] = d.CountyName ?? (d.SpatialCoverage.Length > 0 ? d.SpatialCoverage : "丽水市") },
            ["datePublished"] = d.Issued.ToString("yyyy-MM-ddTHH:mm:sszzz"),
            ["dateModified"] = d.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:sszzz"),
            ["includedInDataCatalog"] = new Dictionary<string, object?> { ["@type"] = "DataCatalog", ["name"] = "丽水市公共数据开放平台", ["url"] = site.Of("/") },
            ["distribution"] = d.Resources.Select(r => new Dictionary<string, object?>
            {
                ["@type"] = "DataDownload",
                ["name"] = r.Name,
                ["encodingFormat"] = r.MediaType,
                ["contentUrl"] = directDownloads ? site.Download(d.Slug, r.Id) : page + "#download",
            }).ToList(),
        };
        if (Dcat.DcatVocabularies.Period(d.TimeCoverage) is { } period)
            doc["temporalCoverage"] = $"{period.Start:yyyy-MM-dd}/{period.End:yyyy-MM-dd}";
        return JsonSerializer.Serialize(doc, Options);
    }
}
