namespace OpenData.Web.Features.DeveloperCenter;

/// <summary>The Chinese words of the API reference: group titles, and summaries for routes whose feature gave none.</summary>
public static class ApiReferenceTexts
{
    public sealed record GroupKey(string Key, string Title, string Description, int Order);

    private static readonly GroupKey Catalog = new("catalog", "数据目录", "数据集检索、详情、预览、分析和下载。公开数据无需登录。", 10);
    private static readonly GroupKey Apis = new("apis", "接口目录", "数据接口和部门接口的目录与说明。", 20);
    private static readonly GroupKey Data = new("data", "数据接口（签名调用）", "用应用的 AppKey 和 AppSecret 签名调用（ODP1-HMAC-SHA256），需申请通过。签名方法见接入指南。", 30);
    private static readonly GroupKey Me = new("me", "个人中心", "当前登录用户（登录状态或 Authorization: Bearer 个人令牌）的资料、应用、接口申请、收藏和订阅。", 40);
    private static readonly GroupKey Interaction = new("interaction", "互动交流", "评分、收藏、评论、纠错、数据请求、建议反馈和问卷。写操作需要登录。", 50);
    private static readonly GroupKey News = new("news", "政策动态", "已发布的新闻动态、政策法规、工作计划、开放清单和数据创新活动。", 60);
    private static readonly GroupKey Other = new("other", "其他", "", 90);

    public static GroupKey Group(string tag, string path)
    {
        if (path.StartsWith("/api/v1/me", StringComparison.Ordinal)) return Me;
        return tag switch
        {
            "Datasets" or "Datastore" => Catalog,
            "API catalog" => Apis,
            "Data API" or "Department APIs" => Data,
            "Developer apps" or "API applications" or "Me" => Me,
            "Interaction" => Interaction,
            "News" => News,
            _ => path.StartsWith("/api/v1/datasets", StringComparison.Ordinal) || path.StartsWith("/api/v1/organizations", StringComparison.Ordinal)
                || path.StartsWith("/api/v1/domains", StringComparison.Ordinal) ? Catalog : Other,
        };
    }

    private static readonly Dictionary<string, string> Summaries = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/datasets"] = "检索数据集（关键词 q、部门 org、领域 domain、格式 format、排序 sort，分页，带分面统计）",
        ["GET /api/v1/datasets/{slug}"] = "一个数据集：元数据、数据项和资源（每个表格资源带 apiCode）",
        ["GET /api/v1/organizations"] = "数据提供部门列表",
        ["GET /api/v1/domains"] = "数据领域列表",
        ["GET /api/v1/datasets/{slug}/resources/{id}/download"] = "下载资源（format=original、csv、xlsx、json、xml；程序下载需 acceptAgreement=true）",
        ["GET /api/v1/datasets/{slug}/resources/{id}/rows"] = "预览资源的数据行（分页、排序、筛选）",
        ["GET /api/v1/datasets/{slug}/resources/{id}/aggregate"] = "分析工具的聚合统计（groupBy、bucket、measure）",
        ["GET /api/v1/catalog"] = "数据目录（按部门、领域分组的数据集清单）",
        ["GET /api/v1/datasets/{slug}/graph"] = "数据集关系图：相关的数据集、接口和应用",
        ["GET /api/v1/datasets/{slug}/related"] = "相关数据集",
        ["GET /api/v1/datasets/{slug}/resources/{id}/aggregate.csv"] = "聚合统计结果（CSV）",
        ["GET /api/v1/datasets/{slug}/resources/{id}/profile"] = "资源的数据项概况：类型、空值、取值分布",
        ["GET /api/v1/me/messages"] = "我的站内消息",
        ["POST /api/v1/me/messages/read-all"] = "全部标为已读",
        ["POST /api/v1/me/messages/{id}/read"] = "一条消息标为已读",
        ["GET /api/v1/me"] = "当前用户：用户名、实名、脱敏身份证号、角色和所属部门",
        ["GET /api/v1/me/apps"] = "我的应用",
        ["POST /api/v1/me/apps"] = "创建应用（返回 appKey，appSecret 只在此时返回一次）",
        ["GET /api/v1/me/apps/{id}"] = "我的一个应用",
        ["POST /api/v1/me/apps/{id}/rotate-secret"] = "重置 AppSecret（旧密钥在过渡期内仍有效）",
        ["POST /api/v1/me/apps/{id}/disable"] = "停用应用",
        ["POST /api/v1/me/apps/{id}/enable"] = "启用应用",
        ["GET /api/v1/me/apps/{id}/calls"] = "应用近若干天的每日调用量",
        ["GET /api/v1/me/api-applications"] = "我的接口申请及其状态",
        ["POST /api/v1/me/api-applications"] = "申请接口（appId、apiCode、category、reason、acceptAgreement）",
        ["GET /api/v1/apis"] = "检索接口（关键词 q、部门 org、领域 domain、排序 sort）",
        ["GET /api/v1/apis/{code}"] = "一个接口的说明",
        ["GET /api/v1/data/{code}/count"] = "总数接口：符合筛选条件的记录数",
        ["GET /api/v1/data/{code}/records"] = "分页接口：按页返回记录（includeTotal=true 时带总数）",
        ["POST /api/v1/data/{code}/query"] = "查询接口：以 JSON 提交筛选、排序和分页",
    };

    public static string Summary(string method, string path, string? summary)
    {
        if (!string.IsNullOrWhiteSpace(summary) && summary.Any(c => c >= '\u4e00' && c <= '\u9fff')) return summary;
        var key = $"{method} {path}";
        if (Summaries.TryGetValue(key, out var zh)) return zh;
        // Route constraints differ between the document and this table only by their {name:constraint} suffixes.
        var plain = System.Text.RegularExpressions.Regex.Replace(key, @"\{(\w+)(:[^}]*)?\}", "{$1}");
        return Summaries.TryGetValue(plain, out zh) ? zh : string.IsNullOrWhiteSpace(summary) ? "（暂无说明）" : summary;
    }

    public static string Parameter(string? name, string? description) =>
        !string.IsNullOrWhiteSpace(description) ? description : name switch
        {
            "page" => "页码，从 1 开始",
            "pageSize" => "每页条数",
            "q" => "关键词",
            "sort" => "排序方式",
            "org" => "部门编码",
            "domain" => "领域编号",
            "format" => "格式",
            "category" => "栏目：news、policy、work-plan、open-list、innovation",
            "slug" => "数据集标识",
            "code" or "apiCode" => "接口编码",
            "id" => "编号",
            "kind" => "对象类型：dataset、api、app",
            "key" => "对象标识（数据集 slug、接口编码或应用编号）",
            _ => "",
        };

    public static bool NeedsSignIn(string path) => path.StartsWith("/api/v1/me", StringComparison.Ordinal);
}
