using System.Security.Claims;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;

namespace OpenData.Web.Features.OpenIndex;

/// <summary>The outcome of a request for figures: the report, or a status with a code and a Chinese message.</summary>
public sealed record OpenIndexOutcome(OpenIndexReport? Report, OpenIndexRange? Range, int Status, string? Code = null, string? Message = null);

public sealed partial class OpenIndexQueries
{
    /// <summary>
    /// The one entry point of the page, the workbench, the JSON API and the CSV exports. Platform-wide figures are
    /// public; one department's figures are for its providers and for administrators.
    /// </summary>
    public async Task<OpenIndexOutcome> ForAsync(string? preset, string? from, string? to, string? department, ClaimsPrincipal user, CancellationToken ct)
    {
        var (range, error) = OpenIndexRange.Parse(preset, from, to, clock.GetUtcNow());
        if (range is null) return new(null, null, 400, "invalid-range", error);
        Department? dept = null;
        if (!string.IsNullOrWhiteSpace(department))
        {
            var code = department.Trim();
            dept = await DepartmentAsync(code, ct);
            if (dept is null) return new(null, range, 404, "unknown-department", $"部门“{Short(code)}”不存在，请使用部门编码（例如 sthjj），可在 /api/v1/organizations 查到");
            if (user.Identity?.IsAuthenticated != true) return new(null, range, 401, "login-required", "查看单个部门的开放指数需要登录（数据提供方或平台管理员）");
            if (!DatasetAccess.CanManage(user, dept.Code)) return new(null, range, 403, "forbidden", "只能查看本部门的开放指数；平台管理员可查看任一部门");
        }
        return new(await BuildAsync(range, dept, ct), range, 200);
    }

    private static string Short(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
