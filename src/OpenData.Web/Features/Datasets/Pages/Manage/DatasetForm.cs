namespace OpenData.Web.Features.Datasets.Pages.Manage;

/// <summary>The create/edit form as the browser posts it (tags as one text); maps to the backend's DatasetInput.</summary>
public sealed class DatasetForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Organization { get; set; }
    public int? Domain { get; set; }
    public string? Tags { get; set; }
    public string OpenCondition { get; set; } = "open";
    public string UpdateFrequency { get; set; } = "irregular";
    public string? County { get; set; }
    public string? TimeCoverage { get; set; }
    public string? SpatialCoverage { get; set; }
    public string? Contact { get; set; }
    public string? Licence { get; set; }

    public DatasetInput ToInput() => new()
    {
        Title = Title ?? "", Summary = Summary ?? "", Organization = Organization ?? "", Domain = Domain,
        Tags = DatasetInput.SplitTags(Tags), OpenCondition = OpenCondition, UpdateFrequency = UpdateFrequency,
        County = County ?? "", TimeCoverage = TimeCoverage ?? "", SpatialCoverage = SpatialCoverage ?? "",
        Contact = Contact ?? "", Licence = Licence ?? "",
    };

    public static DatasetForm From(DatasetInput i) => new()
    {
        Title = i.Title, Summary = i.Summary, Organization = i.Organization, Domain = i.Domain,
        Tags = string.Join("，", i.Tags ?? []), OpenCondition = DatasetLabels.ParseOpenCondition(i.OpenCondition) is { } oc ? DatasetLabels.Code(oc) : "open",
        UpdateFrequency = DatasetLabels.ParseFrequency(i.UpdateFrequency) is { } f ? DatasetLabels.Code(f) : "irregular",
        County = i.County, TimeCoverage = i.TimeCoverage, SpatialCoverage = i.SpatialCoverage, Contact = i.Contact, Licence = i.Licence,
    };
}
