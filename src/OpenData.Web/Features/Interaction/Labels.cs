using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Interaction;

/// <summary>Chinese labels and status colours of the area.</summary>
public static class Labels
{
    public static string Type(ErrorReportType t) => t switch
    {
        ErrorReportType.DataError => "数据错误", ErrorReportType.BrokenLink => "链接失效", ErrorReportType.Mismatch => "描述不符", _ => "其他",
    };

    public static string Status(ErrorReportStatus s) => s switch
    {
        ErrorReportStatus.Pending => "待处理", ErrorReportStatus.InProgress => "处理中", ErrorReportStatus.Fixed => "已修正", _ => "不予采纳",
    };

    public static string Badge(ErrorReportStatus s) => s switch
    {
        ErrorReportStatus.Fixed => "text-bg-success", ErrorReportStatus.Rejected => "text-bg-secondary", _ => "text-bg-warning",
    };

    public static string Status(DataRequestStatus s) => s switch
    {
        DataRequestStatus.Pending => "待处理", DataRequestStatus.Accepted => "已受理", DataRequestStatus.Opened => "已开放", _ => "暂不开放",
    };

    public static string Badge(DataRequestStatus s) => s switch
    {
        DataRequestStatus.Opened => "text-bg-success", DataRequestStatus.Declined => "text-bg-secondary",
        DataRequestStatus.Accepted => "text-bg-primary", _ => "text-bg-warning",
    };

    public static string Kind(SurveyQuestionKind k) => k switch
    {
        SurveyQuestionKind.Single => "单选", SurveyQuestionKind.Multiple => "多选", _ => "填空",
    };

    /// <summary>Whole days an item has waited (for the workbench).</summary>
    public static int DaysWaited(DateTimeOffset since, DateTimeOffset now) => Math.Max(0, (int)(now - since).TotalDays);
}
