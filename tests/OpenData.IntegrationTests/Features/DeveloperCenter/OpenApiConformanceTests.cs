using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Infrastructure.Auth;
using static OpenData.IntegrationTests.Features.Admin.BackOfficeKit;

namespace OpenData.IntegrationTests.Features.DeveloperCenter;

/// <summary>
/// Both OpenAPI documents and the per-API documents read without errors by OpenAPI.NET's reader and pass its default
/// validation rules, and a walk over every operation checks what validators and generators need (issue #20): every path
/// parameter declared, the bearer token or ODP1 signature on the routes that take them, multipart bodies with fields, and
/// a real schema on every success response (a DTO; a binary string only for a file under a non-JSON content type).
/// </summary>
public abstract partial class OpenApiConformanceTests(PortalFactory factory)
{
    [GeneratedRegex(@"\{([^}]+)\}")] private static partial Regex Template();

    [Fact]
    public async Task The_public_document_is_valid_and_complete()
    {
        var doc = await ReadAsync(factory.CreateClient(), "/openapi/v1.json");
        var ops = Walk(doc);
        Assert.Contains(ops, o => o.Path == "/api/v1/data/{code}/records" && o.Security.Contains("odp1Signature"));
        Assert.Contains(ops, o => o.Path.StartsWith("/api/v1/services/{code}") && o.Security.Contains("odp1Signature"));
        Assert.All(ops.Where(o => o.Path.StartsWith("/api/v1/me")), o => Assert.Contains("bearerToken", o.Security));
        Assert.All(ops.Where(o => o.Path.StartsWith("/api/v1/datasets") && o.Method == "GET"), o => Assert.Empty(o.Security));
        AssertMultipart(ops, "/api/v1/me/showcase", "POST", "name", "screenshots");
        AssertMultipart(ops, "/api/v1/me/restricted-applications", "POST", "purpose", "applicationForm");
        AssertMultipart(ops, "/api/v1/me/restricted-applications/{id}", "POST", "datasets", "other");
    }

    [Fact]
    public async Task Every_per_api_document_is_valid_and_describes_its_responses()
    {
        var client = factory.CreateClient();
        var list = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/apis?pageSize=100")).RootElement.GetProperty("items");
        var codes = list.EnumerateArray().Select(a => a.GetProperty("code").GetString()!).ToList();
        Assert.NotEmpty(codes);
        foreach (var code in codes)
        {
            var ops = Walk(await ReadAsync(client, $"/openapi/apis/{code}.json", platformSchemes: false));
            Assert.All(ops, o => Assert.Contains(o.Operation.Responses!.Keys, k => k == "403"));
        }
        // A table API's records are described field by field.
        var table = list.EnumerateArray().First(a => a.GetProperty("kind").GetString() != "service").GetProperty("code").GetString()!;
        var records = Walk(await ReadAsync(client, $"/openapi/apis/{table}.json", platformSchemes: false)).Single(o => o.Path.EndsWith("/records"));
        var page = records.Operation.Responses!["200"].Content!["application/json"].Schema!;
        Assert.NotEmpty(page.Properties!["records"].Items!.Properties!);
    }

    [Fact]
    public void The_walk_fails_an_operation_whose_success_response_has_no_schema()
    {
        // The check must be able to fail: a JSON success response with an empty schema, one with none at all, a "file" in JSON.
        static OpenApiDocument With(OpenApiResponse ok) => new()
        {
            Paths = new OpenApiPaths { ["/x"] = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new() { Responses = new OpenApiResponses { ["200"] = ok, ["404"] = new OpenApiResponse { Description = "无",
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } } } } } },
            } } },
        };
        Assert.Single(Walk(With(new OpenApiResponse { Description = "成功", Content = new Dictionary<string, OpenApiMediaType>
            { ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } }, ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } } } })));
        foreach (var response in new[]
                 {
                     new OpenApiResponse { Description = "成功", Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchema() } } },
                     new OpenApiResponse { Description = "成功" },
                     new OpenApiResponse { Description = "成功", Content = new Dictionary<string, OpenApiMediaType>
                         { ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } } } },
                 })
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Walk(With(response)));
    }

    [Fact]
    public async Task The_management_document_is_valid_and_complete()
    {
        var (admin, _) = await BackOfficeClientAsync(factory, Roles.Admin);
        var ops = Walk(await ReadAsync(admin, "/openapi/manage.json"));
        Assert.All(ops, o => Assert.Contains("bearerToken", o.Security));
        AssertMultipart(ops, "/api/v1/manage/datasets/{slug}/resources", "POST", "file", "resourceId");
        Assert.Contains(ops, o => o.Path.Contains("{code}"));
    }

    private static async Task<OpenApiDocument> ReadAsync(HttpClient client, string url, bool platformSchemes = true)
    {
        var json = await client.GetStringAsync(url);
        var read = OpenApiDocument.Parse(json, OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.NotNull(read.Document);
        Assert.Empty(read.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? []);
        Assert.Empty(read.Document.Validate(ValidationRuleSet.GetDefaultRuleSet())?.Select(e => $"{e.Pointer}: {e.Message}") ?? []);
        if (!platformSchemes) return read.Document;
        var schemes = read.Document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>();
        Assert.Equal(SecuritySchemeType.Http, schemes["bearerToken"].Type);
        Assert.Equal("bearer", schemes["bearerToken"].Scheme);
        Assert.Equal("X-ODP-AppKey", schemes["odp1Signature"].Name);
        Assert.Contains("X-ODP-Signature", schemes["odp1Signature"].Description);
        return read.Document;
    }

    private sealed record Op(string Path, string Method, IReadOnlyList<string> Security, OpenApiOperation Operation);

    /// <summary>Every operation: declared path parameters and a schema on every response that has a body.</summary>
    private static List<Op> Walk(OpenApiDocument doc)
    {
        var ops = new List<Op>();
        foreach (var (path, item) in doc.Paths)
            foreach (var (method, op) in item.Operations ?? [])
            {
                var where = $"{method} {path}";
                var declared = (op.Parameters ?? []).Concat(item.Parameters ?? []).Where(p => p.In == ParameterLocation.Path).Select(p => p.Name).ToHashSet();
                foreach (Match m in Template().Matches(path))
                    Assert.True(declared.Contains(m.Groups[1].Value), $"{where}: path parameter '{m.Groups[1].Value}' not declared");
                Assert.True(op.Responses is { Count: > 0 }, $"{where}: no responses");
                Assert.Contains(op.Responses.Keys, k => k == "default" || k[0] is '4' or '5');
                foreach (var (code, response) in op.Responses)
                {
                    if (code is "204" || code[0] == '3') continue;
                    Assert.True(response.Content is { Count: > 0 } && response.Content.Values.All(c => c.Schema is not null), $"{where} {code}: no response schema");
                    if (code[0] != '2') continue;
                    foreach (var (type, media) in response.Content!)
                        Assert.True(Describes(type, media.Schema!), $"{where} {code} {type}: the success response has no real schema");
                }
                var security = (op.Security ?? []).SelectMany(r => r.Keys).Select(k => k.Reference.Id ?? "").ToList();
                Assert.All(security, s => Assert.Contains(s, new[] { "bearerToken", "odp1Signature" }));
                ops.Add(new Op(path, method.ToString().ToUpperInvariant(), security, op));
            }
        Assert.NotEmpty(ops);
        return ops;
    }

    /// <summary>
    /// A success body is described: a reference to a DTO, or a schema with a type, properties, items or alternatives.
    /// A binary string (a file) only under a non-JSON content type: a JSON body must say what is in it.
    /// </summary>
    private static bool Describes(string contentType, IOpenApiSchema schema)
    {
        var binary = schema.Type == JsonSchemaType.String && schema.Format == "binary";
        if (binary) return !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
        return schema is OpenApiSchemaReference || schema.Type is not null || schema.Properties is { Count: > 0 } || schema.Items is not null
               || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 } || schema.AllOf is { Count: > 0 };
    }

    private static void AssertMultipart(List<Op> ops, string path, string method, params string[] fields)
    {
        var op = Assert.Single(ops, o => o.Path == path && o.Method == method).Operation;
        var body = Assert.IsType<OpenApiRequestBody>(op.RequestBody);
        var schema = body.Content!["multipart/form-data"].Schema!;
        foreach (var f in fields) Assert.True(schema.Properties!.ContainsKey(f), $"{method} {path}: multipart field {f} missing");
        Assert.Contains(schema.Properties!.Values, p => p.Format == "binary" || p.Items?.Format == "binary");
    }
}

public sealed class OpenApiConformanceTestsSqlite(SqlitePortalFactory f) : OpenApiConformanceTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class OpenApiConformanceTestsPostgres(PostgresPortalFactory f) : OpenApiConformanceTests(f), IClassFixture<PostgresPortalFactory>;
