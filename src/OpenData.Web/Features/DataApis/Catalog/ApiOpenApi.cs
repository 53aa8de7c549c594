using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenData.Web.Infrastructure.Text;

namespace OpenData.Web.Features.DataApis.Catalog;

/// <summary>
/// One OpenAPI 3.1 document per API, generated from its field dictionary, for code generators and the reference page.
/// Every text a provider wrote (titles, summaries, field names and descriptions) enters as plain text only: the
/// interactive reference renders descriptions as Markdown with HTML, so links, images and tags must not survive.
/// </summary>
public static partial class ApiOpenApi
{
    [GeneratedRegex("<(?=[A-Za-z/!?])")] private static partial Regex TagStart();

    /// <summary>
    /// Provider text as plain text. Markdig's plain-text output decodes entities ("&amp;lt;img" becomes "&lt;img"),
    /// so an angle bracket that could open a tag is re-escaped for the Markdown viewer.
    /// </summary>
    public static string Plain(string? text) => TagStart().Replace(SafeMarkdown.Shared.ToPlainText(text), "&lt;");

    public static JsonObject Document(ApiDetail d, string baseUrl)
    {
        var code = d.Api.Code;
        var filterParams = new JsonArray(d.Fields.Select(f => (JsonNode)new JsonObject
        {
            ["name"] = f.Name, ["in"] = "query", ["required"] = false,
            ["description"] = $"{Plain(f.Description)}（等于；也可用 {Plain(f.Name)}__ne/__gt/__gte/__lt/__lte/__in/__contains）",
            ["schema"] = Schema(f.Type),
        }).ToArray());
        JsonNode Paging() => new JsonArray(
            Param("page", "页码，从 1 开始", "integer"), Param("pageSize", "每页条数，最大 1000", "integer"),
            Param("sort", "排序字段，可加 :desc", "string"), Param("includeTotal", "为 true 时返回 total 和 pageCount（分页返回）", "boolean"));
        var paths = new JsonObject();
        if (d.Api.Kind == "service")
            // The department system's own response, passed through: a file as far as this document can tell.
            paths[$"/api/v1/services/{code}"] = new JsonObject { [d.Api.Method!.ToLowerInvariant()] = Op("转发调用", filterParams, "上游系统的响应",
                new JsonObject { ["application/octet-stream"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } } }) };
        else
        {
            paths[$"/api/v1/data/{code}/count"] = new JsonObject { ["get"] = Op("总数接口", filterParams, "{\"total\": n}", Json(new JsonObject
            {
                ["type"] = "object", ["required"] = new JsonArray("total"),
                ["properties"] = new JsonObject { ["total"] = new JsonObject { ["type"] = "integer", ["description"] = "符合筛选条件的记录数" } },
            })) };
            var recordParams = new JsonArray([.. filterParams.Select(p => p!.DeepClone()), .. ((JsonArray)Paging()).Select(p => p!.DeepClone())]);
            paths[$"/api/v1/data/{code}/records"] = new JsonObject { ["get"] = Op("分页接口 / 分页返回", recordParams, "一页记录", Json(Page(d))) };
            var post = Op("查询接口", new JsonArray(), "一页记录", Json(Page(d)));
            post["requestBody"] = new JsonObject { ["required"] = true, ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["filters"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject
                    {
                        ["field"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(d.Fields.Select(f => (JsonNode)f.Name).ToArray()) },
                        ["op"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("eq", "ne", "gt", "gte", "lt", "lte", "in", "contains") },
                        ["value"] = new JsonObject(),
                    } } },
                    ["sort"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                    ["page"] = new JsonObject { ["type"] = "integer" }, ["pageSize"] = new JsonObject { ["type"] = "integer", ["maximum"] = 1000 },
                    ["includeTotal"] = new JsonObject { ["type"] = "boolean" },
                },
            } } } };
            paths[$"/api/v1/data/{code}/query"] = new JsonObject { ["post"] = post };
        }
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject { ["title"] = Plain(d.Api.Name), ["version"] = "1", ["description"] = $"{Plain(d.Api.Summary)}\n\n提供机构：{Plain(d.Api.DepartmentName)}。调用须按 ODP1-HMAC-SHA256 签名。" },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = baseUrl }),
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject { ["Problem"] = ProblemSchema() }, ["securitySchemes"] = new JsonObject
            {
                ["odpAppKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-ODP-AppKey", ["description"] = "另需 X-ODP-Timestamp、X-ODP-Nonce、X-ODP-Content-SHA256、X-ODP-Signature-Method 和 X-ODP-Signature" },
            } },
            ["security"] = new JsonArray(new JsonObject { ["odpAppKey"] = new JsonArray() }),
        };
    }

    private static JsonObject Op(string summary, JsonArray parameters, string ok, JsonObject okContent) => new()
    {
        ["summary"] = summary, ["parameters"] = parameters,
        ["responses"] = new JsonObject
        {
            ["200"] = new JsonObject { ["description"] = ok, ["content"] = okContent },
            ["400"] = Error("ODP.BadRequest"), ["401"] = Error("ODP.SignatureInvalid / ODP.TimestampSkew / ODP.NonceReused"),
            ["403"] = Error("ODP.NotGranted"), ["429"] = Error("ODP.RateLimited / ODP.QuotaExceeded"),
        },
    };

    private static JsonObject Json(JsonObject schema) => new() { ["application/json"] = new JsonObject { ["schema"] = schema } };

    private static JsonObject Error(string codes) => new()
    {
        ["description"] = codes,
        ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Problem" } } },
    };

    /// <summary>One page of records, each record an object of the API's fields (RecordsResponse).</summary>
    private static JsonObject Page(ApiDetail d) => new()
    {
        ["type"] = "object", ["required"] = new JsonArray("page", "pageSize", "records"),
        ["properties"] = new JsonObject
        {
            ["page"] = new JsonObject { ["type"] = "integer" }, ["pageSize"] = new JsonObject { ["type"] = "integer" },
            ["records"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject(d.Fields.DistinctBy(f => f.Name).Select(f => KeyValuePair.Create(f.Name, (JsonNode?)Nullable(Schema(f.Type))))),
            } },
            ["total"] = new JsonObject { ["type"] = "integer", ["description"] = "includeTotal=true 时返回" },
            ["pageCount"] = new JsonObject { ["type"] = "integer", ["description"] = "includeTotal=true 时返回" },
        },
    };

    private static JsonObject Nullable(JsonObject schema)
    {
        schema["type"] = new JsonArray(schema["type"]!.GetValue<string>(), "null");
        return schema;
    }

    /// <summary>The gateway's refusals: RFC 9457 problem details with the ODP error code.</summary>
    private static JsonObject ProblemSchema() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string" }, ["title"] = new JsonObject { ["type"] = "string" },
            ["status"] = new JsonObject { ["type"] = "integer" }, ["detail"] = new JsonObject { ["type"] = "string" },
            ["code"] = new JsonObject { ["type"] = "string", ["description"] = "ODP 错误码" },
        },
    };

    private static JsonObject Param(string name, string description, string type) =>
        new() { ["name"] = name, ["in"] = "query", ["required"] = false, ["description"] = description, ["schema"] = new JsonObject { ["type"] = type } };

    private static JsonObject Schema(string type) => new() { ["type"] = type switch { "integer" => "integer", "decimal" => "number", "boolean" => "boolean", _ => "string" } };
}
