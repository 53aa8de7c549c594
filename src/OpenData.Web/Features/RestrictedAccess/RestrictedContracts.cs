using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.RestrictedAccess;

/// <summary>What the form and the JSON API send (files travel beside it, keyed by document kind).</summary>
public sealed class RestrictedInput
{
    public List<string> Datasets { get; set; } = [];
    public string Purpose { get; set; } = "";
    public string Scenario { get; set; } = "";
    public string Fields { get; set; } = "";
    public string SecurityMeasures { get; set; } = "";
    public int PeriodMonths { get; set; }
    public List<int> Apps { get; set; } = [];
    public bool AcceptAgreement { get; set; }
}

/// <summary>An uploaded file before it is checked and stored.</summary>
public sealed record IncomingDocument(string Kind, string FileName, long Length, Func<Stream> Open);

public sealed record StepDto(string Stage, string StageLabel, string Action, string ActionLabel, string? Reason, DateTimeOffset At);
public sealed record DocumentDto(int Id, string Kind, string KindLabel, string FileName, long Size, DateTimeOffset UploadedAt, string Url);
public sealed record AppliedDatasetDto(string Slug, string Title);

public sealed record RestrictedApplicationDto(int Id, string Status, string StatusLabel, string Department, string DepartmentName,
    IReadOnlyList<AppliedDatasetDto> Datasets, string Purpose, string Scenario, string Fields, string SecurityMeasures, int PeriodMonths,
    IReadOnlyList<int> Apps, string? AgreementVersion, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt,
    IReadOnlyList<DocumentDto> Documents, IReadOnlyList<StepDto> Steps, string Applicant);

/// <summary>Fields: the granted field names; empty with AllFields=true when the grant covers every field.</summary>
public sealed record GrantDto(int Id, int ApplicationId, string Dataset, string DatasetTitle, IReadOnlyList<int> Apps, IReadOnlyList<string> Fields,
    bool AllFields, DateTimeOffset StartsAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string Status, string StatusLabel)
{
    public string FieldsText => AllFields ? "全部字段" : string.Join("、", Fields);
}

public sealed record LedgerEntryDto(int Id, IReadOnlyList<string> Datasets, string Department, string DepartmentName, string Status,
    string StatusLabel, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, double? DaysToDecide);

public sealed record DepartmentAverageDto(string Department, string DepartmentName, int Decided, double AverageDays);

public sealed record LedgerDto(IReadOnlyList<LedgerEntryDto> Items, int Total, int Page, int PageSize, IReadOnlyList<DepartmentAverageDto> Departments);

public sealed record DecisionRequest(string? Reason);
public sealed record CreatedApplicationResponse(int Id, string Status, string Message);
public sealed record DoneResponse(string Message);

/// <summary>A refusal with the field it concerns, so the page shows it beside the input and the API as problem+json.</summary>
public sealed class RestrictedValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

public static class RestrictedLabels
{
    public static string Code(RestrictedStatus s) => s switch
    {
        RestrictedStatus.Draft => "draft",
        RestrictedStatus.DepartmentReview => "departmentReview",
        RestrictedStatus.PlatformReview => "platformReview",
        RestrictedStatus.MoreInfo => "moreInfo",
        RestrictedStatus.Approved => "approved",
        RestrictedStatus.Withdrawn => "withdrawn",
        _ => "rejected",
    };

    public static string Label(RestrictedStatus s) => s switch
    {
        RestrictedStatus.Draft => "草稿",
        RestrictedStatus.DepartmentReview => "提供部门审核中",
        RestrictedStatus.PlatformReview => "平台复核中",
        RestrictedStatus.MoreInfo => "待补充材料",
        RestrictedStatus.Approved => "已批准",
        RestrictedStatus.Withdrawn => "已撤回",
        _ => "未通过",
    };

    public static string Stage(string stage) => stage switch
    {
        Stages.Department => "提供部门",
        Stages.Platform => "平台审核员",
        _ => "申请人",
    };

    public static string Action(string action) => action switch
    {
        Actions.Submitted => "提交申请",
        Actions.Resubmitted => "补充材料后重新提交",
        Actions.Approved => "审核通过",
        Actions.Rejected => "驳回",
        Actions.MoreInfo => "要求补充材料",
        Actions.Revoked => "撤销授权",
        Actions.Withdrawn => "撤回申请",
        _ => action,
    };

    public static class Stages
    {
        public const string Applicant = "applicant";
        public const string Department = "department";
        public const string Platform = "platform";
    }

    public static class Actions
    {
        public const string Submitted = "submitted";
        public const string Resubmitted = "resubmitted";
        public const string Approved = "approved";
        public const string Rejected = "rejected";
        public const string MoreInfo = "more-info";
        public const string Revoked = "revoked";
        public const string Withdrawn = "withdrawn";
    }
}

public static class RestrictedAudit
{
    public const string Submitted = "restricted.submitted";
    public const string Decided = "restricted.decided";
    public const string Granted = "restricted.granted";
    public const string Revoked = "restricted.revoked";
    public const string Withdrawn = "restricted.withdrawn";
    public const string DocumentRead = "restricted.document-read";
}
