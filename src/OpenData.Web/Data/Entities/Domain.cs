namespace OpenData.Web.Data.Entities;

/// <summary>One of Zhejiang's 22 data domains (数据领域). Ids are Zhejiang's own.</summary>
public class Domain
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Icon { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsRetired { get; set; }
}
