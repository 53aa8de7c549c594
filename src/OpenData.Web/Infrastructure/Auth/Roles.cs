namespace OpenData.Web.Infrastructure.Auth;

/// <summary>Role names. Registered users have no role row: being signed in is enough.</summary>
public static class Roles
{
    public const string Provider = "Provider";
    /// <summary>System administrator: users, settings, departments, domains, content. No audit-log access (ADR 0030).</summary>
    public const string Admin = "Admin";
    /// <summary>Works the review queues.</summary>
    public const string Reviewer = "Reviewer";
    /// <summary>Reads the audit log, nothing else.</summary>
    public const string Auditor = "Auditor";
    public static readonly string[] All = [Provider, Admin, Reviewer, Auditor];
    /// <summary>The back-office roles (三权分立): each needs a second factor; no one may hold all three.</summary>
    public static readonly string[] BackOffice = [Admin, Reviewer, Auditor];

    public static string Label(string role) => role switch
    {
        Provider => "数据提供方",
        Admin => "平台管理员（系统管理）",
        Reviewer => "审核员",
        Auditor => "审计员",
        _ => "注册用户",
    };

    /// <summary>The separation rule (三权分立): system administration, review and audit never all in one hand.</summary>
    public static bool BreaksSeparation(IEnumerable<string> roles) => BackOffice.All(roles.Contains);
}

public static class Policies
{
    /// <summary>System administrator (users, settings, departments, domains) with a second factor.</summary>
    public const string Admin = "Admin";
    /// <summary>Review queues: the Reviewer role with a second factor (Admin alone is not enough, ADR 0030).</summary>
    public const string Reviewer = "Reviewer";
    /// <summary>The audit log, read-only: the Auditor role with a second factor.</summary>
    public const string Auditor = "Auditor";
    /// <summary>Any back-office role with a second factor: the /admin dashboard.</summary>
    public const string BackOffice = "BackOffice";
    public const string Provider = "ProviderOrAdmin";
}

public static class PortalClaims
{
    public const string DepartmentCode = "odp:dept";
    public const string RealName = "odp:realname";
    public const string UserAgreementVersion = "odp:uav";
    public const string MustChangePassword = "odp:mustchange";
    /// <summary>The user's session stamp when the cookie was issued (see SessionCheck).</summary>
    public const string Session = "odp:session";
}
