using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenData.Web.Features.DeveloperCenter;

public sealed record ApiParameterView(string Name, string In, bool Required, string Type, string Description);

public sealed record ApiOperationView(string Method, string Path, string Summary, string Description, IReadOnlyList<ApiParameterView> Parameters,
    bool HasBody, bool NeedsSignIn);

public sealed record ApiGroupView(string Key, string Title, string Description, IReadOnlyList<ApiOperationView> Operations);

/// <summary>
/// The Chinese API reference, read from the public OpenAPI document (the same one /openapi/v1.json serves), so
/// the page and the document cannot disagree about what exists. Group titles and missing summaries are given in
/// Chinese here (<see cref="ApiReferenceTexts"/>).
/// </summary>
public sealed class ApiReferenceModel([FromKeyedServices(OpenApiDocuments.Public)] IOpenApiDocumentProvider documents)
{
    public async Task<IReadOnlyList<ApiGroupView>> GroupsAsync(CancellationToken ct)
    {
        var doc = await documents.GetOpenApiDocumentAsync(ct);
        var ops = new List<(string Tag, ApiOperationView Op)>();
        // The page documents the JSON API; page-only routes (display preferences) stay in the document alone.
        foreach (var (path, item) in doc.Paths.Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            if (item.Operations is null) continue;
            foreach (var (method, op) in item.Operations)
            {
                var m = method.Method.ToUpperInvariant();
                var tag = op.Tags?.FirstOrDefault()?.Name ?? "Other";
                var parameters = (op.Parameters ?? []).Select(p => new ApiParameterView(p.Name ?? "", Location(p.In), p.Required,
                    TypeOf(p.Schema), ApiReferenceTexts.Parameter(p.Name, p.Description))).ToList();
                ops.Add((tag, new ApiOperationView(m, path, ApiReferenceTexts.Summary(m, path, op.Summary), op.Description ?? "",
                    parameters, op.RequestBody is not null, ApiReferenceTexts.NeedsSignIn(path))));
            }
        }
        return ops.GroupBy(o => ApiReferenceTexts.Group(o.Tag, o.Op.Path))
            .OrderBy(g => g.Key.Order)
            .Select(g => new ApiGroupView(g.Key.Key, g.Key.Title, g.Key.Description,
                g.Select(x => x.Op).OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    private static string Location(ParameterLocation? l) => l switch
    {
        ParameterLocation.Path => "路径",
        ParameterLocation.Query => "查询",
        ParameterLocation.Header => "请求头",
        ParameterLocation.Cookie => "Cookie",
        _ => "",
    };

    private static string TypeOf(IOpenApiSchema? s)
    {
        if (s?.Type is not { } t) return "";
        if (t.HasFlag(JsonSchemaType.Integer)) return "整数";
        if (t.HasFlag(JsonSchemaType.Number)) return "数值";
        if (t.HasFlag(JsonSchemaType.Boolean)) return "布尔";
        if (t.HasFlag(JsonSchemaType.Array)) return "数组";
        return "字符串";
    }
}
