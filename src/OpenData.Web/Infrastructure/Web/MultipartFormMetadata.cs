namespace OpenData.Web.Infrastructure.Web;

/// <summary>
/// The fields of a multipart/form-data body an endpoint reads itself (ReadFormAsync): the OpenAPI document cannot infer
/// them from the handler, so the endpoint names them here and the developer center's transformer describes the body.
/// Type is "string", "integer", "boolean", "file", "string[]" or "file[]".
/// </summary>
public sealed record MultipartField(string Name, string Type, string Description, bool Required = false);

public sealed record MultipartFormMetadata(IReadOnlyList<MultipartField> Fields);

public static class MultipartFormExtensions
{
    public static RouteHandlerBuilder WithMultipartForm(this RouteHandlerBuilder builder, params MultipartField[] fields) =>
        builder.WithMetadata(new MultipartFormMetadata(fields));
}
