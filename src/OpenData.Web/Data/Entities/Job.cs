namespace OpenData.Web.Data.Entities;

public enum JobState { Queued, Running, Succeeded, Failed }

/// <summary>A background job (e.g. ingesting a resource version), visible to its provider while it runs.</summary>
public class Job
{
    public long Id { get; set; }
    /// <summary>What the job does, e.g. "ingest".</summary>
    public string Kind { get; set; } = "";
    public int? ResourceVersionId { get; set; }
    public ResourceVersion? ResourceVersion { get; set; }
    public int? DatasetId { get; set; }
    public JobState State { get; set; }
    /// <summary>0–100.</summary>
    public int Progress { get; set; }
    public long? Rows { get; set; }
    public string? ErrorMessage { get; set; }
    public string? CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>The node that claimed the job (machine/process); claims are one atomic UPDATE on State.</summary>
    public string? ClaimedBy { get; set; }
    /// <summary>Written while running; a running job whose heartbeat is stale belonged to a dead process.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>JSON of the job's input, e.g. the field type overrides of a reload.</summary>
    public string? Payload { get; set; }
}
