namespace OpenData.Web.Data.Entities;

/// <summary>A providing organization (提供机构).</summary>
public class Department
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
    public string Contact { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsRetired { get; set; }
}
