using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.DeveloperCenter;

/// <summary>
/// Two OpenAPI documents instead of one: /openapi/v1.json, public, lists what developers and citizens call;
/// /openapi/manage.json lists the administrators' and providers' routes (/api/v1/admin, /api/v1/manage) and is
/// served only to a signed-in provider or back-office user (any back-office role), so the public never gets a map of the back office.
/// </summary>
public static class OpenApiDocuments
{
    public const string Public = "v1";
    public const string Management = "manage";
    private static readonly string[] ManagementPrefixes = ["api/v1/admin", "api/v1/manage", "admin/"];

    public static bool IsManagement(string? relativePath) =>
        relativePath is not null && ManagementPrefixes.Any(p => relativePath.TrimStart('/').StartsWith(p, StringComparison.OrdinalIgnoreCase));

    public static IServiceCollection AddOpenApiSplit(this IServiceCollection services)
    {
        // "v1" is registered by the DataApis feature; narrow it here rather than replace it, so its own settings stay.
        services.Configure<OpenApiOptions>(Public, o =>
        {
            var previous = o.ShouldInclude;
            o.ShouldInclude = d => previous(d) && !IsManagement(d.RelativePath);
            // The console shows the document's own title: the portal's name, not the assembly's "OpenData.Web | v1".
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "丽水市公共数据开放平台 开放 API";
                doc.Info.Description = "数据目录、数据接口、个人中心等公开接口。调用数据接口需先在“我的应用”中创建应用并按签名规范签名。";
                return Task.CompletedTask;
            });
            OpenApi.OpenApiConformance.Apply(o);
        });
        services.AddOpenApi(Management, o =>
        {
            o.ShouldInclude = d => IsManagement(d.RelativePath);
            OpenApi.OpenApiConformance.Apply(o);
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "丽水市公共数据开放平台 管理 API";
                doc.Info.Description = "数据提供方和平台管理员使用的接口，仅登录的提供方和后台人员可以获取本文档。";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>A literal route wins over the generic /openapi/{documentName}.json, so the management document is guarded.
    /// It answers 401/403 itself (a JSON client gets no redirect to the sign-in page).</summary>
    public static void MapManagementOpenApi(this IEndpointRouteBuilder app) =>
        app.MapGet($"/openapi/{Management}.json", async (HttpContext http, CancellationToken ct) =>
        {
            if (http.User.Identity?.IsAuthenticated != true) return ProblemDefaults.Problem(401, "unauthenticated", "请先登录。");
            if (!ManagementReaders.Any(http.User.IsInRole)) return ProblemDefaults.Problem(403, "forbidden", "只有数据提供方和后台人员可以查看管理 API 文档。");
            var provider = http.RequestServices.GetRequiredKeyedService<IOpenApiDocumentProvider>(Management);
            var doc = await provider.GetOpenApiDocumentAsync(ct);
            var json = await doc.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, ct);
            return Results.Text(json, "application/json; charset=utf-8");
        }).ExcludeFromDescription();

    private static readonly string[] ManagementReaders = [Roles.Provider, Roles.Admin, Roles.Reviewer, Roles.Auditor];
}
