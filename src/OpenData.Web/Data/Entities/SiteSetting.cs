namespace OpenData.Web.Data.Entities;

/// <summary>A site setting changed by administrators at run time (key/value, JSON or text).</summary>
public class SiteSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
