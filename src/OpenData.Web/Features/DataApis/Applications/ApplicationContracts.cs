namespace OpenData.Web.Features.DataApis.Applications;

public sealed record ApplyRequest(int? AppId, string? ApiCode, string? Category, string? Reason, bool AcceptAgreement);

public sealed record ReviewRequest(string? Reason);

public sealed record ApplicationDto(int Id, int AppId, string AppName, string AppKey, string ApiCode, string ApiName, string Category,
    string Reason, string Status, string? ReviewReason, DateTimeOffset CreatedAt, DateTimeOffset? ReviewedAt, string ApplicantName);

public static class ApplicationCategories
{
    /// <summary>申请需求分类 offered on the form.</summary>
    public static readonly string[] All = ["科研教育", "商业应用", "公益服务", "政务协同", "个人学习", "其他"];

    public static string StatusLabel(string status) => status switch
    {
        "approved" => "已通过",
        "rejected" => "已驳回",
        _ => "待审核",
    };
}
