using Microsoft.OpenApi;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.DeveloperCenter.OpenApi;

/// <summary>Describes a multipart/form-data body from the fields an endpoint lists in <see cref="MultipartFormMetadata"/>.</summary>
public static class OpenApiMultipart
{
    public static void Describe(OpenApiOperation op, IList<object> metadata)
    {
        if (metadata.OfType<MultipartFormMetadata>().LastOrDefault() is not { } form) return;
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = form.Fields.ToDictionary(f => f.Name, f => (IOpenApiSchema)Field(f)),
            Required = form.Fields.Where(f => f.Required).Select(f => f.Name).ToHashSet(),
        };
        op.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = schema } },
        };
    }

    private static OpenApiSchema Field(MultipartField f)
    {
        var isArray = f.Type.EndsWith("[]", StringComparison.Ordinal);
        var item = Scalar(isArray ? f.Type[..^2] : f.Type);
        if (!isArray) { item.Description = f.Description; return item; }
        return new OpenApiSchema { Type = JsonSchemaType.Array, Items = item, Description = f.Description };
    }

    private static OpenApiSchema Scalar(string type) => type switch
    {
        "file" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
        "integer" => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
        "boolean" => new OpenApiSchema { Type = JsonSchemaType.Boolean },
        _ => new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
