using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Interaction.Demo;

/// <summary>
/// The words of the demo's public participation, written for this platform (not copied from anywhere). Each text
/// is generic enough to fit any dataset or API it lands on; the seeder picks them in a fixed order.
/// </summary>
internal static class InteractionDemoText
{
    /// <summary>Public users who leave opinions; they have no password, so nobody can sign in as them.</summary>
    public static readonly (string UserName, string RealName)[] Citizens =
    [
        ("lishui_wang", "王先生"), ("chen_yue", "陈女士"), ("oujiang_dev", "刘工"), ("liandu_li", "李老师"),
        ("qingtian_zhou", "周同学"), ("yunhe_xu", "徐女士"), ("longquan_wu", "吴先生"), ("jinyun_zhao", "赵工程师"),
    ];

    public static readonly string[] Comments =
    [
        "数据很实用，字段说明清楚，我们做区县对比分析时直接就能用。",
        "希望能增加更早年份的历史数据，方便做长期趋势分析。",
        "更新很及时，接口返回速度也快，点个赞。",
        "部分记录的地址只写到乡镇，能否补充到村（社区）一级？",
        "建议同时提供经纬度坐标，方便在地图上展示。",
        "下载的 CSV 用 Excel 打开没有乱码，这点很好。",
        "能否按月提供汇总数据？现在只能自己再统计一遍。",
        "数据项“备注”一栏有些记录为空，不知道是没有还是未填写？",
        "我们用这份数据做了一个小程序，用户反馈不错，感谢开放。",
        "字段命名很规范，和省平台的口径一致，对接省了很多事。",
    ];

    public static readonly string[] Replies =
    [
        "感谢您的关注！历史数据正在整理核对中，预计下个季度补充上线。",
        "您好，已将您的建议转交业务科室，后续版本会增加相应字段。",
        "感谢反馈。空白表示该记录在统计期内未填报，我们会在数据项说明中补充解释。",
        "谢谢支持！欢迎将应用成果提交到平台“应用成果”栏目展示。",
        "您好，按月汇总数据可使用数据分析功能按“月”分组得到，我们也会考虑直接提供汇总表。",
    ];

    public static readonly (DataRequestStatus Status, string Title, string Description, string Fields, string Purpose, string? Reply)[] Requests =
    [
        (DataRequestStatus.Pending, "申请开放全市公共自行车站点实时车辆数", "希望开放各公共自行车站点的可借车辆数和空余车位数，按分钟更新。",
            "站点名称、经度、纬度、可借车辆数、空余车位数、更新时间", "开发出行类小程序，方便市民就近借还车。", null),
        (DataRequestStatus.Pending, "申请开放各乡镇历年常住人口数据", "希望提供 2015 年以来各乡镇（街道）年末常住人口。",
            "年份、区县、乡镇（街道）、常住人口", "用于山区公共服务设施布局研究。", null),
        (DataRequestStatus.Accepted, "申请开放全市农贸市场名录及位置", "希望开放农贸市场名称、地址、摊位数和营业时间。",
            "市场名称、地址、经纬度、摊位数、营业时间", "做便民生活地图。", "您好，该需求已受理，市市场监管局正在整理数据，预计一个月内开放。"),
        (DataRequestStatus.Opened, "申请开放空气质量日报数据", "希望按区县提供每日 AQI 及首要污染物。",
            "日期、区县、AQI、空气质量等级、首要污染物", "做空气质量提醒服务。", "您好，相关数据已开放，请在数据目录中查看“丽水市空气质量日报”。"),
        (DataRequestStatus.Declined, "申请开放个人社保缴费明细", "希望查询本人历年社保缴费明细。",
            "姓名、身份证号、缴费月份、缴费金额", "个人查询。", "您好，个人社保缴费明细涉及个人信息，不属于公共数据开放范围，请通过“浙里办”个人办事渠道查询。"),
        (DataRequestStatus.Accepted, "申请开放城区停车场收费标准", "希望补充各公共停车场的收费标准和免费时段。",
            "停车场名称、收费标准、免费时段、开放时间", "停车诱导应用。", "您好，已受理，将与交通运输部门协调补充收费标准字段。"),
    ];

    public static readonly (string Title, string Body, string? Reply)[] Feedback =
    [
        ("建议数据目录增加按更新时间排序", "找最新的数据时需要一页页翻，希望能按更新时间排序。", "感谢建议，数据目录已支持按“最近更新”排序，请在列表上方切换。"),
        ("手机上查看表格不方便", "手机浏览器查看数据预览时表格太宽，需要左右滑动。", "感谢反馈，我们已优化手机端表格显示，窄屏下可横向滚动并固定首列。"),
        ("希望提供接口调用的示例代码", "第一次对接签名接口，希望有 Python 示例。", "您好，开发者中心的“接入指南”已提供 Python、Java、Node.js 等示例代码。"),
        ("能否开放更多县级数据", "目前县级部门的数据还比较少，希望多开放一些。", null),
    ];

    public static readonly (ErrorReportType Type, ErrorReportStatus Status, string Description, string? Location, string? Reply)[] Errors =
    [
        (ErrorReportType.DataError, ErrorReportStatus.Pending, "有一条记录的经纬度明显落在市外，疑似经度和纬度填反了。", "第 12 行", null),
        (ErrorReportType.Mismatch, ErrorReportStatus.InProgress, "数据项说明写的是“单位：万元”，但数值看起来是元。", "金额字段", "您好，已转业务科室核对计量单位，核实后更新。"),
        (ErrorReportType.DataError, ErrorReportStatus.Fixed, "同一个站点出现了两条完全相同的记录。", "第 30、31 行", "感谢指正，重复记录已删除，已发布新版本。"),
        (ErrorReportType.BrokenLink, ErrorReportStatus.Rejected, "下载链接打不开。", null, "您好，经核查下载链接可以正常访问，可能是当时网络不稳定，请重试。"),
    ];

    public static readonly (string Text, SurveyQuestionKind Kind, string Options)[] SurveyQuestions =
    [
        ("您使用平台数据的主要用途是？", SurveyQuestionKind.Single, "学术研究\n应用开发\n新闻报道\n个人兴趣\n其他"),
        ("您最希望增加哪些领域的数据？（可多选）", SurveyQuestionKind.Multiple, "交通出行\n生态环境\n教育文化\n医疗卫生\n经济统计"),
        ("您对平台还有什么建议？", SurveyQuestionKind.Text, ""),
    ];

    public static readonly string[] SurveyTexts =
    [
        "希望接口的每日调用额度再高一些。", "数据更新时间能否在列表页直接显示。", "整体很好用，希望继续多开放数据。", "",
    ];
}
