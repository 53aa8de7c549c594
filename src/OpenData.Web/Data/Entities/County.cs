namespace OpenData.Web.Data.Entities;

/// <summary>Lishui city and its nine county-level divisions, keyed by adcode.</summary>
public class County
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}
