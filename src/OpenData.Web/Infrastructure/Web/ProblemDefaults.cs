using Microsoft.AspNetCore.Http.Features;

namespace OpenData.Web.Infrastructure.Web;

/// <summary>Every problem+json carries a request id and, where set, a stable code.</summary>
public static class ProblemDefaults
{
    public static void Customize(ProblemDetailsContext ctx)
    {
        ctx.ProblemDetails.Extensions["requestId"] =
            ctx.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? ctx.HttpContext.TraceIdentifier;
        ctx.ProblemDetails.Title ??= ctx.ProblemDetails.Status switch
        {
            400 => "请求参数有误",
            401 => "需要登录或有效的令牌",
            403 => "没有权限执行此操作",
            404 => "资源不存在",
            429 => "请求过于频繁",
            _ => "服务器内部错误",
        };
    }

    /// <summary>A problem result with a stable machine-readable code.</summary>
    public static IResult Problem(int status, string code, string detail, IDictionary<string, object?>? extra = null)
    {
        var ext = new Dictionary<string, object?> { ["code"] = code };
        if (extra is not null)
            foreach (var (k, v) in extra) ext[k] = v;
        return TypedResults.Problem(detail: detail, statusCode: status, extensions: ext);
    }
}
