using Microsoft.OpenApi;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.DeveloperCenter.OpenApi;

/// <summary>
/// Error responses (and a "default" one where an endpoint lists none) are the platform's application/problem+json
/// (ProblemDefaults). Success responses are what the endpoints declare: a DTO (.Produces&lt;T&gt;, typed results) or a
/// file (<see cref="FileResponseMetadata"/>, a binary schema under its content types). Nothing invents a success schema,
/// so an endpoint that declares none is caught by the conformance test instead of being papered over.
/// </summary>
public static class OpenApiResponseSchemas
{
    public const string Problem = "ProblemDetails";
    private const string ProblemJson = "application/problem+json";

    public static void Fill(OpenApiOperation op, OpenApiDocument? doc, IList<object> metadata)
    {
        op.Responses ??= [];
        foreach (var file in metadata.OfType<FileResponseMetadata>())
        {
            var key = file.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!op.Responses.TryGetValue(key, out var existing) || existing is not OpenApiResponse response)
                op.Responses[key] = response = new OpenApiResponse { Description = "文件" };
            response.Content = file.ContentTypes.ToDictionary(t => t,
                _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } });
        }
        if (!op.Responses.Keys.Any(k => k == "default" || k.StartsWith('4') || k.StartsWith('5')))
            op.Responses["default"] = new OpenApiResponse { Description = "错误（application/problem+json）" };
        foreach (var (code, value) in op.Responses)
        {
            if (value is not OpenApiResponse response || !IsError(code) || response.Content is { Count: > 0 }) continue;
            response.Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = new OpenApiSchemaReference(Problem, doc) } };
            if (string.IsNullOrWhiteSpace(response.Description)) response.Description = "错误";
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
