namespace OpenData.Web.Data.Entities;

/// <summary>One published version of an agreement (user, download, api, restricted). Versions are never edited:
/// a change publishes a new row, and users who accepted an older version are asked again.</summary>
public class Agreement
{
    public int Id { get; set; }
    public string Kind { get; set; } = "";
    public string Version { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>Plain text, one clause per line.</summary>
    public string Text { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
}

/// <summary>A user's acceptance of one agreement version (kind + version + time), kept as evidence.</summary>
public class AgreementAcceptance
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Version { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
