namespace OpenData.Web.Data.Entities;

/// <summary>Append-only record of a sensitive action.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public string Target { get; set; } = "";
    public string Detail { get; set; } = "";
    public string IpAddress { get; set; } = "";
    public bool Succeeded { get; set; } = true;
}
