namespace OpenData.Web.Data.Entities;

/// <summary>站内消息: a message to one user from the platform.</summary>
public class Message
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Category { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
