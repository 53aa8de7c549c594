using Microsoft.AspNetCore.OpenApi;

namespace OpenData.Web.Features.DeveloperCenter.OpenApi;

/// <summary>
/// Makes both OpenAPI documents (public and management) valid and complete for code generators (issue #20): every path
/// parameter declared, the bearer token and the ODP1 signature as security schemes, multipart bodies with their
/// fields, and a schema on every response. Registered on each document by name, so neither document's own settings change.
/// </summary>
public static class OpenApiConformance
{
    public static void Apply(OpenApiOptions o)
    {
        o.AddOperationTransformer((op, ctx, _) =>
        {
            OpenApiPathParameters.Declare(op, ctx.Description.RelativePath);
            OpenApiMultipart.Describe(op, ctx.Description.ActionDescriptor.EndpointMetadata);
            OpenApiSecurity.Require(op, ctx);
            OpenApiResponseSchemas.Fill(op, ctx.Document, ctx.Description.ActionDescriptor.EndpointMetadata);
            return Task.CompletedTask;
        });
        o.AddDocumentTransformer((doc, _, _) =>
        {
            OpenApiSecurity.DeclareSchemes(doc);
            OpenApiResponseSchemas.DeclareProblem(doc);
            return Task.CompletedTask;
        });
    }
}
