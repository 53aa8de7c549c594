namespace OpenData.Web.Features.Accounts;

public sealed record MeResponse(
    string Id, string UserName, string RealName, string IdNumberMasked, string Gender, string? Email, string? PhoneNumber,
    string Industry, string Occupation, IReadOnlyList<string> Roles, string? Organization, bool TwoFactorEnabled,
    DateTimeOffset CreatedAt);

/// <summary>Everything registration asks for (seed 2.9.1).</summary>
public sealed class RegistrationInput
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
    public string RealName { get; set; } = "";
    public string IdNumber { get; set; } = "";
    public string Gender { get; set; } = "";
    public string PhoneNumber { get; set; } = "";
    public string Email { get; set; } = "";
    public string Industry { get; set; } = "";
    public string Occupation { get; set; } = "";
    public bool AcceptAgreement { get; set; }
}

/// <summary>Field name → message, shown beside each field.</summary>
public sealed class FieldErrors : Dictionary<string, string>
{
    public bool Ok => Count == 0;
    public void AddOnce(string field, string message) => TryAdd(field, message);
    public string Invalid(string field) => ContainsKey(field) ? " is-invalid" : "";
    /// <summary>The ids a field's aria-describedby should name: its help text and, when present, its error.</summary>
    public string? DescribedBy(string field, string? helpId = null) =>
        string.Join(' ', new[] { helpId, ContainsKey(field) ? field + "-error" : null }.Where(x => x is not null)) is { Length: > 0 } s ? s : null;
}

public static class AccountChoices
{
    public static readonly string[] Genders = ["男", "女"];
    public static readonly string[] Industries =
        ["信息技术", "金融", "教育", "医疗卫生", "交通物流", "制造业", "农业", "旅游", "科研", "政府机关", "媒体", "其他"];
    public static readonly string[] Occupations =
        ["软件开发", "数据分析", "科研人员", "学生", "教师", "记者", "公务员", "企业管理", "个体经营", "其他"];
    public const string UserAgreementVersion = "2026.1";
}

/// <summary>The profile fields a user may change (real name, ID number and gender are fixed by real-name registration).</summary>
public sealed class ProfileInput
{
    public string PhoneNumber { get; set; } = "";
    public string Email { get; set; } = "";
    public string Industry { get; set; } = "";
    public string Occupation { get; set; } = "";
}

public sealed class PasswordChangeInput
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>A paged list, as every JSON list of the platform is shaped.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
