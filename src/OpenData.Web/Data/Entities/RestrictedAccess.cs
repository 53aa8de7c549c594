namespace OpenData.Web.Data.Entities;

/// <summary>
/// Where a 受限数据申请 stands. Submitted goes to the providing department first, then to a reviewer;
/// either can ask for more (MoreInfo), after which the applicant resubmits to the step that asked. Until a decision
/// the applicant may withdraw it (Withdrawn, appended last: the status is stored by name).
/// </summary>
public enum RestrictedStatus { Draft, DepartmentReview, PlatformReview, MoreInfo, Approved, Rejected, Withdrawn }

/// <summary>受限数据申请: one applicant's request for 有条件开放 datasets of one providing department.</summary>
public class RestrictedApplication
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>All datasets of an application belong to this department, so one department reviews it.</summary>
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public RestrictedStatus Status { get; set; }
    /// <summary>The step that asked for more (DepartmentReview or PlatformReview): resubmission goes back there.</summary>
    public RestrictedStatus? ReturnTo { get; set; }
    public string Purpose { get; set; } = "";
    public string Scenario { get; set; } = "";
    public string Fields { get; set; } = "";
    public string SecurityMeasures { get; set; } = "";
    public int PeriodMonths { get; set; }
    /// <summary>Ids of the applicant's developer apps that get API access with the grant, comma-separated.</summary>
    public string AppIds { get; set; } = "";
    /// <summary>The version of the restricted-data agreement accepted at submission.</summary>
    public string? AgreementVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public List<RestrictedApplicationDataset> Datasets { get; set; } = [];
    public List<RestrictedDocument> Documents { get; set; } = [];
    public List<RestrictedStep> Steps { get; set; } = [];
}

public class RestrictedApplicationDataset
{
    public int ApplicationId { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
}

/// <summary>An uploaded document of an application, stored by hash in the file store (outside the web root).</summary>
public class RestrictedDocument
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    /// <summary>One of RestrictedDocumentKinds (application-form, demand-list, security-cert, credit-report, commitment, other).</summary>
    public string Kind { get; set; } = "";
    public string FileName { get; set; } = "";
    public string FileHash { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>One step of an application's history, shown to the applicant with its time.</summary>
public class RestrictedStep
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    /// <summary>applicant, department or platform.</summary>
    public string Stage { get; set; } = "";
    /// <summary>submitted, approved, rejected, more-info, resubmitted, revoked, withdrawn.</summary>
    public string Action { get; set; } = "";
    public string? Reason { get; set; }
    public string? ActorId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A grant of one dataset to the applicant (and the apps they named) until it expires or is revoked.</summary>
public class RestrictedGrant
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public string UserId { get; set; } = "";
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
    public string AppIds { get; set; } = "";
    public string Fields { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
}
