namespace OpenData.Web.Features.Admin.Settings;

/// <summary>One editable site setting: its key in SiteSettings, its label, default and kind of input.</summary>
public sealed record SettingDefinition(string Key, string Label, string Default, SettingKind Kind, string Help = "");

public enum SettingKind { Text, LongText, Number, Switch, Secret }

/// <summary>Every site setting the back office edits. Unknown keys are never written.</summary>
public static class SettingKeys
{
    public const string SiteName = "site.name";
    public const string Notice = "site.notice";
    public const string AnonymousOpenDownload = "download.anonymousOpen";
    public const string ApplicationWindow = "applications.window";
    public const string ApiRatePerMinute = "api.ratePerMinute";
    public const string ApiDailyQuota = "api.dailyQuota";
    public const string UploadMaxMb = "upload.maxMb";
    public const string SensitiveWords = "content.sensitiveWords";
    public const string TileServiceUrl = "map.tileUrl";
    public const string TileAttribution = "map.tileAttribution";
    public const string TileCrs = "map.tileCrs";
    public const string TileKey = "map.tileKey";
    public const string SmtpEnabled = "smtp.enabled";
    public const string SmtpHost = "smtp.host";
    public const string SmtpPort = "smtp.port";
    public const string SmtpFrom = "smtp.from";
    public const string SmtpPassword = "smtp.password";
    public const string SmtpUser = "smtp.user";
    public const string ReplyTargetDays = "interaction.replyTargetDays";
    public const string AuditRetentionDays = "audit.retentionDays";
    /// <summary>受限数据申请窗口: months ("3,9") or date ranges ("2027-03-01~2027-03-20"), see RestrictedAccess.ApplicationWindows.</summary>
    public const string RestrictedWindows = "restricted.windows";
    public const string RestrictedNotice = "restricted.notice";
    public const string RestrictedMaxMonths = "restricted.maxMonths";
    /// <summary>Changes with every settings or agreement change, so every node reloads its cached copy.</summary>
    public const string Stamp = "settings.stamp";

    public const int MinAuditRetentionDays = 180;

    /// <summary>The built-in sensitive-word list (the setting's default); administrators edit it. Case-insensitive substring match.</summary>
    public static readonly string[] DefaultSensitiveWords = ["赌博", "博彩", "色情", "代开发票", "办证", "枪支", "毒品", "诈骗", "传销", "法轮"];

    public static readonly IReadOnlyList<SettingDefinition> All =
    [
        new(SiteName, "网站名称", "丽水市公共数据开放平台", SettingKind.Text),
        new(Notice, "通知横幅", "", SettingKind.Text, "留空则不显示；显示在每个页面顶部"),
        new(AnonymousOpenDownload, "允许未登录用户下载无条件开放数据", "false", SettingKind.Switch),
        new(ApplicationWindow, "申请受理时间", "工作日 8:30–17:00", SettingKind.Text, "接口、受限数据申请的受理时间说明"),
        new(ApiRatePerMinute, "接口默认频率限制（次/分钟）", "60", SettingKind.Number),
        new(ApiDailyQuota, "接口默认日配额（次/天）", "10000", SettingKind.Number),
        new(UploadMaxMb, "上传文件大小上限（MB）", "200", SettingKind.Number, "不超过服务器配置的上限 Datastore:MaxUploadBytes（默认 1024 MB）"),
        new(SensitiveWords, "敏感词（每行一个）", string.Join('\n', DefaultSensitiveWords), SettingKind.LongText, "评论、留言中含有这些词时转人工审核"),
        new(ReplyTargetDays, "互动答复时限（天）", "7", SettingKind.Number, "数据请求、纠错超过此天数未答复即进入待办提醒"),
        new(TileServiceUrl, "地图瓦片服务地址", "", SettingKind.Text, "如 https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}；留空则只显示行政区划边界和数据（无需联网）"),
        new(TileAttribution, "地图瓦片版权说明", "", SettingKind.Text, "显示在地图右下角，如“天地图 © 国家地理信息公共服务平台”"),
        new(TileCrs, "瓦片坐标系", "wgs84", SettingKind.Text, "wgs84（天地图、OpenStreetMap）、gcj02（高德、腾讯）或 bd09；数据按此换算后叠加"),
        new(TileKey, "地图服务密钥（天地图 tk）", "", SettingKind.Text, "替换地址中的 {key}；天地图须申请浏览器端密钥"),
        new(SmtpEnabled, "发送订阅更新邮件", "false", SettingKind.Switch, "开启并填写 SMTP 服务器后，订阅的数据集更新时同时发送邮件"),
        new(SmtpHost, "SMTP 服务器", "", SettingKind.Text),
        new(SmtpPort, "SMTP 端口", "25", SettingKind.Number),
        new(SmtpFrom, "发件人地址", "", SettingKind.Text),
        new(SmtpUser, "SMTP 用户名", "", SettingKind.Text, "留空表示不认证"),
        new(SmtpPassword, "SMTP 密码", "", SettingKind.Secret, "加密保存，不会显示；留空表示不修改"),
        new(RestrictedWindows, "受限数据申请窗口", "3,9", SettingKind.Text,
            "月份（如 3,9 表示每年 3 月、9 月全月）或日期段（如 2027-03-01~2027-03-20），多个用逗号分隔；窗口外不受理新申请"),
        new(RestrictedNotice, "受限数据申请公告", "", SettingKind.LongText, "显示在申请页和公示页，说明本期窗口的日期、材料要求等"),
        new(RestrictedMaxMonths, "受限数据最长授权期限（月）", "12", SettingKind.Number, "申请的使用期限不得超过此月数"),
        new(AuditRetentionDays, "审计日志保留天数", "180", SettingKind.Number, "不少于 180 天（等保三级）"),
    ];

    public static SettingDefinition? Find(string key) => All.FirstOrDefault(d => d.Key == key);
}
