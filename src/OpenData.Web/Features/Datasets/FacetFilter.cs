using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Datasets;

/// <summary>How many matching datasets share these facet attributes.</summary>
public sealed record FacetRow(int DepartmentId, int DomainId, OpenCondition Open, string? CountyCode, string Formats, int Count);

/// <summary>The list's filters, applied in memory to facet rows (each facet is counted under the other filters).</summary>
public sealed record FacetFilter(int? DepartmentId, int? Domain, string? Format, OpenCondition? Open, string? County)
{
    /// <summary>Unknown department codes match nothing (DepartmentId -1).</summary>
    public static FacetFilter From(DatasetSearchRequest r, IReadOnlyDictionary<string, int> departmentIds) => new(
        string.IsNullOrWhiteSpace(r.Org) ? null : departmentIds.GetValueOrDefault(r.Org.Trim(), -1),
        r.Domain,
        string.IsNullOrWhiteSpace(r.Format) ? null : r.Format.Trim().ToUpperInvariant(),
        DatasetLabels.ParseOpenCondition(r.Open),
        string.IsNullOrWhiteSpace(r.County) ? null : r.County.Trim());

    public bool Matches(FacetRow x, string? except) =>
        (except == "org" || DepartmentId is null || x.DepartmentId == DepartmentId) &&
        (except == "domain" || Domain is null || x.DomainId == Domain) &&
        (except == "format" || Format is null || ("," + x.Formats + ",").Contains("," + Format + ",")) &&
        (except == "open" || Open is null || x.Open == Open) &&
        (except == "county" || County is null || x.CountyCode == County);
}
