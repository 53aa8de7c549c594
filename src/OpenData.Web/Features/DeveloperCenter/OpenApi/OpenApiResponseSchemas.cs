using Microsoft.OpenApi;

namespace OpenData.Web.Features.DeveloperCenter.OpenApi;

/// <summary>
/// Every response gets a schema: error responses (and a "default" one where an endpoint lists none) are the platform's
/// application/problem+json (ProblemDefaults); a success response whose endpoint names no DTO (.Produces&lt;T&gt;) gets a
/// generic JSON schema, so generators at least know the body is JSON instead of guessing.
/// </summary>
public static class OpenApiResponseSchemas
{
    public const string Problem = "ProblemDetails";
    private const string ProblemJson = "application/problem+json";

    public static void Fill(OpenApiOperation op, OpenApiDocument? doc)
    {
        op.Responses ??= [];
        if (!op.Responses.Keys.Any(k => k == "default" || k.StartsWith('4') || k.StartsWith('5')))
            op.Responses["default"] = new OpenApiResponse { Description = "错误（application/problem+json）" };
        foreach (var (code, value) in op.Responses)
        {
            if (value is not OpenApiResponse response || code is "204" or "304" || code.StartsWith('3')) continue;
            if (response.Content is { Count: > 0 }) continue;
            response.Content = IsError(code)
                ? new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = new OpenApiSchemaReference(Problem, doc) } }
                : new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchema { Description = "JSON 响应" } } };
            if (string.IsNullOrWhiteSpace(response.Description)) response.Description = IsError(code) ? "错误" : "成功";
        }
    }

    private static bool IsError(string code) => code == "default" || code.StartsWith('4') || code.StartsWith('5');

    /// <summary>RFC 9457 problem details as ProblemDefaults writes them (code is the platform's machine-readable reason).</summary>
    public static void DeclareProblem(OpenApiDocument doc)
    {
        doc.Components ??= new OpenApiComponents();
        doc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (doc.Components.Schemas.ContainsKey(Problem)) return;
        doc.Components.Schemas[Problem] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "平台错误码" },
            },
            AdditionalProperties = new OpenApiSchema(),
        };
    }
}
