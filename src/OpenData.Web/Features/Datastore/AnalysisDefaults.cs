namespace OpenData.Web.Features.Datastore;

/// <summary>
/// The analysis page's first chart, drawn before the visitor chooses anything: a count of rows per category
/// (a column whose name says it groups, such as 区县 or 等级, else the first text column that is not a name,
/// code or address, where every row would be its own group), else per month of the first date column, else per
/// value of the first column.
/// </summary>
public static class AnalysisDefaults
{
    private static readonly string[] GroupingWords = ["区县", "县", "区域", "类别", "类型", "分类", "等级", "级别", "性质", "状态", "行业", "领域", "方式", "月份", "年份", "年度"];
    private static readonly string[] UniqueWords = ["名称", "编号", "代码", "编码", "地址", "电话", "id", "ID", "备注", "说明", "时间"];

    public static (string GroupBy, string? Bucket)? For(IReadOnlyList<DatastoreColumn> columns)
    {
        if (columns.Count == 0) return null;
        var text = columns.Where(c => c.Type == FieldType.Text).ToList();
        var grouping = text.FirstOrDefault(c => GroupingWords.Any(c.Name.Contains))
            ?? text.FirstOrDefault(c => !UniqueWords.Any(c.Name.Contains));
        if (grouping is not null) return (grouping.Name, null);
        if (columns.FirstOrDefault(c => c.Type is FieldType.Date or FieldType.DateTime) is { } date) return (date.Name, "month");
        return (columns[0].Name, null);
    }
}
