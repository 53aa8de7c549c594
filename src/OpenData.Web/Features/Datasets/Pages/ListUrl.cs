namespace OpenData.Web.Features.Datasets.Pages;

/// <summary>
/// Builds /datasets links from the current list state so every filter, keyword, sort and page lives in the
/// query string. Changing a filter or the sort starts again at page 1.
/// </summary>
public static class ListUrl
{
    public static readonly string[] FacetKeys = ["org", "domain", "format", "open", "county"];

    public static Dictionary<string, string?> State(DatasetSearchRequest r) => new()
    {
        ["q"] = r.Q, ["org"] = r.Org, ["domain"] = r.Domain?.ToString(), ["format"] = r.Format,
        ["open"] = r.Open, ["county"] = r.County, ["sort"] = r.Sort,
        ["page"] = r.Page is > 1 ? r.Page.ToString() : null,
    };

    /// <summary>The list URL with one key changed (null removes it); any change but the page resets paging.</summary>
    public static string With(DatasetSearchRequest r, string key, string? value, string path = "/datasets")
    {
        var state = State(r);
        state[key] = value;
        if (key != "page") state["page"] = null;
        return Build(path, state);
    }

    public static string Build(string path, IEnumerable<KeyValuePair<string, string?>> state)
    {
        var parts = state.Where(kv => !string.IsNullOrEmpty(kv.Value))
            .Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}").ToList();
        return parts.Count == 0 ? path : path + "?" + string.Join('&', parts);
    }

    public static string? Get(DatasetSearchRequest r, string key) => State(r).GetValueOrDefault(key);

    public static string FacetTitle(string key) => key switch
    {
        "org" => "提供机构", "domain" => "数据领域", "format" => "文件格式", "open" => "开放属性", "county" => "区县", _ => key,
    };
}
