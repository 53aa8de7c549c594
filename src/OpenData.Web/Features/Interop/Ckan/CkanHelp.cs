namespace OpenData.Web.Features.Interop.Ckan;

/// <summary>help_show: one line per action this API offers (CKAN returns the action's docstring).</summary>
public static class CkanHelp
{
    private static readonly Dictionary<string, string> Actions = new()
    {
        ["package_search"] = "检索数据集：q（中文分词检索）、fq、rows（默认 10，最多 1000）、start、sort、facet.field（JSON 列表）、facet.limit。",
        ["package_show"] = "按 id 或 name 返回一个数据集及其资源。",
        ["package_list"] = "全部公开数据集的 name 列表（limit、offset）。",
        ["resource_show"] = "按 id 返回一个资源。",
        ["organization_list"] = "提供机构列表（all_fields、sort、limit、offset）。",
        ["organization_show"] = "一个提供机构（include_datasets）。",
        ["group_list"] = "数据领域列表（all_fields、sort、limit、offset）。",
        ["group_show"] = "一个数据领域（include_datasets）。",
        ["tag_list"] = "全部标签（query）。",
        ["datastore_search"] = "查询表格资源的数据：resource_id、filters、q、fields、sort、limit（默认 100，最多 32000）、offset、include_total。",
        ["status_show"] = "平台信息与 CKAN 兼容版本。",
        ["help_show"] = "接口说明（name）。",
    };

    public static string? Text(string? action) => action is not null && Actions.TryGetValue(action, out var t) ? t : null;
}
