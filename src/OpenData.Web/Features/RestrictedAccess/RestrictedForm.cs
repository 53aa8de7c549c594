using System.Globalization;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.RestrictedAccess;

/// <summary>The application's fields as posted by the page form and the multipart JSON route alike.</summary>
public static class RestrictedForm
{
    public static RestrictedInput Read(IFormCollection form) => new()
    {
        Datasets = form["datasets"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList(),
        Purpose = form["purpose"].ToString(),
        Scenario = form["scenario"].ToString(),
        Fields = form["fields"].ToString(),
        SecurityMeasures = form["securityMeasures"].ToString(),
        PeriodMonths = int.TryParse(form["periodMonths"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0,
        Apps = form["apps"].Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList(),
        AcceptAgreement = form["acceptAgreement"].ToString() is "true" or "on",
    };

    /// <summary>The same names for the OpenAPI document (the route reads the form itself, so nothing else describes it).</summary>
    public static readonly MultipartField[] OpenApiFields =
    [
        new("datasets", "string[]", "申请的受限数据集（slug，可重复）", true), new("purpose", "string", "申请用途", true),
        new("scenario", "string", "应用场景", true), new("fields", "string", "所需字段"), new("securityMeasures", "string", "数据安全保障措施", true),
        new("periodMonths", "integer", "申请使用期限（月）", true), new("apps", "integer[]", "使用数据的应用编号（可重复）"),
        new("acceptAgreement", "boolean", "同意数据使用协议（true）", true), new("draft", "boolean", "为 true 时仅保存草稿"),
        new("applicationForm", "file", "申请表"), new("demandList", "file", "数据需求清单"), new("securityCertificate", "file", "安全保障证明"),
        new("creditReport", "file", "信用报告"), new("commitment", "file", "承诺书"), new("other", "file[]", "其他材料"),
    ];
}
