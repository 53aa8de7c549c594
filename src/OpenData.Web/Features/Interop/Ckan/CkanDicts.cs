using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;

namespace OpenData.Web.Features.Interop.Ckan;

/// <summary>
/// Builds CKAN dicts from the public catalog. Ids are the platform's own numbers as strings; names are the
/// dataset slug, the department code and "domain-{id}" for the 22 domains (CKAN names need two characters).
/// </summary>
public sealed class CkanDicts(SiteUrl site)
{
    public const string LicenseId = "lishui-open-data";

    public static string GroupName(int domainId) => "domain-" + domainId;

    public static int? DomainId(string name) =>
        name.StartsWith("domain-", StringComparison.Ordinal) && int.TryParse(name.AsSpan(7), out var id) ? id
        : int.TryParse(name, out var n) ? n : null;

    /// <param name="directDownloads">The anonymous-download setting: resource URLs are the files themselves only when
    /// anyone may fetch them; otherwise the dataset page, where a visitor signs in and accepts the agreement.</param>
    public CkanPackage Package(PublicDataset d, bool directDownloads)
    {
        var org = Organization(d.OrgId, d.OrgCode, d.OrgName, d.Issued);
        var resources = d.Resources.Select((r, i) => Resource(d, r, i, directDownloads)).ToList();
        var tags = d.Tags.Select(t => new CkanTag(t, t, t, "active", null)).ToList();
        var extras = new List<CkanExtra>
        {
            new("update_frequency", DatasetLabels.Label(d.Frequency)),
            new("open_condition", DatasetLabels.Label(OpenCondition.Open)),
            new("domain", d.DomainName),
        };
        if (d.CountyName is not null) extras.Add(new("county", d.CountyName));
        if (d.SpatialCoverage.Length > 0) extras.Add(new("spatial_coverage", d.SpatialCoverage));
        if (d.TimeCoverage.Length > 0) extras.Add(new("temporal_coverage", d.TimeCoverage));
        return new CkanPackage(
            d.Id.ToString(), d.Slug, d.Title, d.Summary, "dataset", "active", false, true,
            d.OrgName, null, d.Contact.Length > 0 ? d.Contact : d.OrgName, null,
            LicenseId, d.Licence.Length > 0 ? d.Licence : "丽水市公共数据开放许可协议", site.Of("/agreements/download"),
            site.Dataset(d.Slug), null, org.Id, CkanJson.Time(d.Issued), CkanJson.Time(d.UpdatedAt), resources.Count, tags.Count,
            org, [Group(d.DomainId, d.DomainName, d.Issued)], tags, resources, extras, [], []);
    }

    public CkanResource Resource(PublicDataset d, PublicResource r, int position, bool directDownloads) => new(
        r.Id.ToString(), d.Id.ToString(), r.Name, "", r.Format, r.MediaType, r.Size > 0 ? r.Size : null,
        directDownloads ? site.Download(d.Slug, r.Id) : site.Dataset(d.Slug) + "#download", directDownloads ? "upload" : null,
        CkanJson.Time(r.CreatedAt), CkanJson.Time(r.UpdatedAt), CkanJson.Time(r.UpdatedAt), position, "active",
        r.HasTable, r.RowCount, r.HasTable ? r.ApiCode : null);

    public CkanGroup Organization(int id, string code, string name, DateTimeOffset created, int? count = null, IReadOnlyList<CkanPackage>? packages = null) =>
        new(id.ToString(), code, name, name, "", "", "", "organization", true, "approved", "active", CkanJson.Time(created), count, packages);

    public CkanGroup Group(int domainId, string name, DateTimeOffset created, int? count = null, IReadOnlyList<CkanPackage>? packages = null) =>
        new(domainId.ToString(), GroupName(domainId), name, name, "", "", "", "group", false, "approved", "active", CkanJson.Time(created), count, packages);
}
