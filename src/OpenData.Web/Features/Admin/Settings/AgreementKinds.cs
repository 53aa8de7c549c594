using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.Datasets;

namespace OpenData.Web.Features.Admin.Settings;

/// <summary>The version of an agreement in force. PublishedAt is null for the built-in first version.</summary>
public sealed record AgreementView(string Kind, string Version, string Title, IReadOnlyList<string> Clauses, DateTimeOffset? PublishedAt)
{
    public string KindLabel => AgreementKinds.Label(Kind);
}

/// <summary>The four agreements a user accepts; each has a built-in first version until an administrator publishes one.</summary>
public static class AgreementKinds
{
    public const string User = "user";
    public const string Download = "download";
    public const string Api = "api";
    public const string Restricted = "restricted";
    public static readonly string[] All = [User, Download, Api, Restricted];

    public static string Label(string kind) => kind switch
    {
        User => "用户协议",
        Download => "数据下载协议",
        Api => "接口服务协议",
        Restricted => "有条件开放数据使用协议",
        _ => kind,
    };

    public static AgreementView BuiltIn(string kind) => kind switch
    {
        User => new(User, AccountChoices.UserAgreementVersion, "丽水市公共数据开放平台用户协议",
        [
            "您应使用本人真实身份信息注册，并对账号下的全部行为负责。",
            "无条件开放数据可在遵守本协议的前提下下载、调用和再利用，使用时应注明数据来源。",
            "不得利用开放数据从事违法活动，不得尝试重新识别个人身份。",
        ], null),
        // The same clauses the dataset page's download form has shown since the first release.
        Download => new(Download, "2026.1", DatasetDownloads.AgreementTitle,
        [
            "您应遵守《中华人民共和国数据安全法》《中华人民共和国个人信息保护法》等法律法规，合法、正当地使用数据。",
            "不得利用数据从事危害国家安全、损害社会公共利益或他人合法权益的活动，不得试图重新识别个人身份。",
            "使用或传播数据时，应注明数据来源为“丽水市公共数据开放平台”及相应提供机构。",
            "数据按现状提供，平台和提供机构不对数据的完整性、时效性作出担保；发现数据错误请通过纠错功能反馈。",
            "平台记录下载行为，用于统计和安全审计。违反本协议的，平台有权暂停您的下载权限。",
        ], null),
        Api => new(Api, "2026.1", "丽水市公共数据开放平台接口服务协议",
        [
            "接口密钥（AppSecret）须妥善保管，不得泄露或共享。",
            "调用须遵守频率限制和配额，平台记录调用日志。",
            "接口数据仅用于申请时说明的用途。",
        ], null),
        Restricted => new(Restricted, "2026.1", "丽水市有条件开放数据使用协议",
        [
            "有条件开放数据须按批准的用途、范围和期限使用。",
            "不得向第三方提供，使用期满后应删除数据。",
            "应采取必要的安全措施，发生数据安全事件须立即报告。",
        ], null),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
