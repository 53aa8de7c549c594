namespace OpenData.Web.Infrastructure.Auth;

/// <summary>Role names. Registered users have no role row: being signed in is enough.</summary>
public static class Roles
{
    public const string Provider = "Provider";
    public const string Admin = "Admin";
    public static readonly string[] All = [Provider, Admin];

    public static string Label(string role) => role switch
    {
        Provider => "数据提供方",
        Admin => "平台管理员",
        _ => "注册用户",
    };
}

public static class Policies
{
    public const string Admin = "Admin";
    public const string Provider = "ProviderOrAdmin";
}

public static class PortalClaims
{
    public const string DepartmentCode = "odp:dept";
    public const string RealName = "odp:realname";
}
