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

/// <summary>
/// A success response that is a file or a stream (CSV, Excel, GeoJSON, a document…), not a JSON DTO: the OpenAPI
/// document describes it with these content types and a binary schema instead of a JSON one.
/// </summary>
public sealed record FileResponseMetadata(int StatusCode, IReadOnlyList<string> ContentTypes);

public static class FileResponseExtensions
{
    public static TBuilder ProducesFile<TBuilder>(this TBuilder builder, params string[] contentTypes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new FileResponseMetadata(200, contentTypes.Length > 0 ? contentTypes : ["application/octet-stream"]));
}
