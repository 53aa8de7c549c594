using OpenData.Web.Infrastructure.Files;

namespace OpenData.Web.Features.RestrictedAccess;

/// <summary>The documents of 2.9.3.1: five required, any number of other qualifications.</summary>
public static class DocumentKinds
{
    public const string ApplicationForm = "applicationForm";
    public const string DemandList = "demandList";
    public const string SecurityCertificate = "securityCertificate";
    public const string CreditReport = "creditReport";
    public const string Commitment = "commitment";
    public const string Other = "other";

    public static readonly string[] Required = [ApplicationForm, DemandList, SecurityCertificate, CreditReport, Commitment];
    public static readonly string[] All = [.. Required, Other];
    /// <summary>The forms the platform offers as blank templates.</summary>
    public static readonly string[] Templates = [ApplicationForm, DemandList, Commitment];

    public static readonly FileKind[] Allowed = [FileKind.Pdf, FileKind.Png, FileKind.Jpeg];
    public const string AllowedLabel = "PDF、PNG 或 JPEG 图片";
    public const int MaxOtherFiles = 5;

    public static string Label(string kind) => kind switch
    {
        ApplicationForm => "公共数据开放申请表",
        DemandList => "公共数据开放需求清单",
        SecurityCertificate => "安全等级保护证书",
        CreditReport => "信用报告",
        Commitment => "公共数据安全承诺书",
        Other => "其他资质证明",
        _ => kind,
    };
}
