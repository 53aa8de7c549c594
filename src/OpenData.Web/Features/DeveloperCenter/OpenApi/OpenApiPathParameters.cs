using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace OpenData.Web.Features.DeveloperCenter.OpenApi;

/// <summary>
/// A route parameter the handler does not bind (the gateway groups read {code} in an endpoint filter) is missing from the
/// generated operation, which validators reject ("path parameter 'code' was not resolved"); it is declared here.
/// </summary>
public static partial class OpenApiPathParameters
{
    [GeneratedRegex(@"\{\**([A-Za-z_][A-Za-z0-9_]*)[^}]*\}")] private static partial Regex Segment();

    public static void Declare(OpenApiOperation op, string? relativePath)
    {
        if (relativePath is null) return;
        op.Parameters ??= [];
        foreach (Match m in Segment().Matches(relativePath))
        {
            var name = m.Groups[1].Value;
            if (op.Parameters.Any(p => p.In == ParameterLocation.Path && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))) continue;
            op.Parameters.Add(new OpenApiParameter
            {
                Name = name, In = ParameterLocation.Path, Required = true,
                Description = name == "code" ? "接口编码" : null,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }
}
