using System.Globalization;
using System.Text.Json;
using OpenData.Web.Features.Datastore.Querying;

namespace OpenData.Web.Features.DataApis.Gateway;

public sealed class GatewayInputException(string message) : Exception(message);

/// <summary>Turns the query string or the POST body of api-signing.md into a <see cref="RowQuery"/>.</summary>
public static class DataQueryParser
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "page", "pageSize", "sort", "includeTotal" };

    public static RowQuery FromQuery(IReadOnlyList<KeyValuePair<string, string?>> query, bool paged)
    {
        string? Get(string name) => query.LastOrDefault(p => p.Key == name).Value;
        var filters = FilterOperators.FromQuery(query, Reserved);
        if (!paged) return new RowQuery(filters, []);
        return new RowQuery(filters, FilterOperators.ParseSort(Get("sort")),
            Int(Get("page"), 1, "page"), Int(Get("pageSize"), 20, "pageSize"), Bool(Get("includeTotal")));
    }

    public static RowQuery FromBody(byte[] body)
    {
        if (body.Length == 0) return new RowQuery([], []);
        JsonElement root;
        try { root = JsonDocument.Parse(body).RootElement; }
        catch (JsonException e) { throw new GatewayInputException($"请求体不是有效的 JSON：{e.Message}"); }
        if (root.ValueKind != JsonValueKind.Object) throw new GatewayInputException("请求体必须是 JSON 对象。");
        var filters = new List<FieldFilter>();
        if (root.TryGetProperty("filters", out var fs))
        {
            if (fs.ValueKind != JsonValueKind.Array) throw new GatewayInputException("filters 必须是数组。");
            foreach (var f in fs.EnumerateArray())
            {
                if (f.ValueKind != JsonValueKind.Object || !f.TryGetProperty("field", out var field) || field.ValueKind != JsonValueKind.String)
                    throw new GatewayInputException("filters 的每一项都需要 field（字段名）、op（运算符）和 value（值）。");
                var op = f.TryGetProperty("op", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : "eq";
                filters.Add(new FieldFilter(field.GetString()!, op, f.TryGetProperty("value", out var v) ? Text(v) : null));
            }
        }
        var sort = new List<FieldSort>();
        if (root.TryGetProperty("sort", out var ss))
        {
            if (ss.ValueKind == JsonValueKind.String) sort.AddRange(FilterOperators.ParseSort(ss.GetString()));
            else if (ss.ValueKind == JsonValueKind.Array)
                foreach (var s in ss.EnumerateArray())
                    if (s.ValueKind == JsonValueKind.String) sort.AddRange(FilterOperators.ParseSort(s.GetString()));
                    else if (s.ValueKind == JsonValueKind.Object && s.TryGetProperty("field", out var sf) && sf.ValueKind == JsonValueKind.String)
                        sort.Add(new FieldSort(sf.GetString()!, (s.TryGetProperty("desc", out var d) && d.ValueKind == JsonValueKind.True)
                            || (s.TryGetProperty("order", out var od) && string.Equals(od.GetString(), "desc", StringComparison.OrdinalIgnoreCase))));
                    else throw new GatewayInputException("sort 的每一项应为 \"字段\"、\"字段:desc\" 或 {\"field\":\"字段\",\"desc\":true}。");
            else throw new GatewayInputException("sort 必须是数组或字符串。");
        }
        return new RowQuery(filters, sort, Number(root, "page", 1), Number(root, "pageSize", 20),
            root.TryGetProperty("includeTotal", out var it) && it.ValueKind == JsonValueKind.True);
    }

    public static void Validate(RowQuery q)
    {
        if (q.Page < 1) throw new GatewayInputException("page 必须大于等于 1。");
        if (q.PageSize is < 1 or > RowQuery.MaxPageSize) throw new GatewayInputException($"pageSize 必须在 1 到 {RowQuery.MaxPageSize} 之间。");
    }

    private static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Null => null,
        JsonValueKind.Array => string.Join(',', v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
        _ => v.GetRawText(),
    };

    private static int Number(JsonElement root, string name, int fallback) =>
        !root.TryGetProperty(name, out var v) ? fallback
        : v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n
        : throw new GatewayInputException($"{name} 必须是整数。");

    private static int Int(string? s, int fallback, string name) =>
        string.IsNullOrEmpty(s) ? fallback : int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new GatewayInputException($"{name} 必须是正整数。");

    private static bool Bool(string? s) => s is "true" or "1" or "True";
}
