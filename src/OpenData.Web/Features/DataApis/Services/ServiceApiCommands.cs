using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.DataApis.Apps;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Auth;

namespace OpenData.Web.Features.DataApis.Services;

public sealed record RegisterServiceRequest(string? Name, string? Description, string? Method, string? UpstreamUrl, int? Domain, string? Parameters, string? Example);

public sealed record ServiceApiDto(int Id, string Code, string Name, string Method, string UpstreamUrl, string DepartmentCode, DateTimeOffset CreatedAt);

/// <summary>One department API as its provider edits it.</summary>
public sealed record ServiceApiDetail(string Code, string Name, string Description, string Method, string UpstreamUrl, int Domain,
    string Parameters, string Example, string DepartmentName, DateTimeOffset UpdatedAt);

/// <summary>
/// 对自建的系统接口: providers register their own system's API; it is published like a data API. A provider
/// sees and edits its own department's APIs; a system administrator all of them.
/// </summary>
public sealed class ServiceApiCommands(PortalDbContext db, UpstreamAllowList allowList, AuditLog audit, TimeProvider clock)
{
    public async Task<ServiceApiDto> RegisterAsync(ClaimsPrincipal user, RegisterServiceRequest r, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Provider) && !user.IsInRole(Roles.Admin)) throw new UnauthorizedAccessException();
        var deptCode = user.FindFirstValue(PortalClaims.DepartmentCode) ?? throw new AppValidationException("organization", "账号未关联提供机构。");
        var dept = await db.Departments.FirstOrDefaultAsync(d => d.Code == deptCode, ct) ?? throw new AppValidationException("organization", "提供机构不存在。");
        var v = await ValidateAsync(r, ct);
        var now = clock.GetUtcNow();
        var row = new ServiceApi
        {
            Code = "sv" + System.Security.Cryptography.RandomNumberGenerator.GetString("0123456789abcdefghjkmnpqrstuvwxyz", 10),
            DepartmentId = dept.Id, IsPublished = true, CreatedById = user.FindFirstValue(ClaimTypes.NameIdentifier), CreatedAt = now,
        };
        Apply(row, v, now);
        db.ServiceApis.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(DataApiAudit.ServiceRegistered, $"service-api:{row.Code}", $"{row.Name} → {v.Url.Host}", ct: ct);
        return new ServiceApiDto(row.Id, row.Code, row.Name, row.Method, row.UpstreamUrl, dept.Code, row.CreatedAt);
    }

    /// <summary>Null when the API does not exist or belongs to another department.</summary>
    public async Task<ServiceApiDto?> UpdateAsync(ClaimsPrincipal user, string code, RegisterServiceRequest r, CancellationToken ct)
    {
        var row = await Mine(user).Include(s => s.Department).FirstOrDefaultAsync(s => s.Code == code, ct);
        if (row is null) return null;
        var v = await ValidateAsync(r, ct);
        var before = $"{row.Method} {row.UpstreamUrl}";
        Apply(row, v, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(DataApiAudit.ServiceUpdated, $"service-api:{row.Code}", $"{row.Name}: {before} → {row.Method} {row.UpstreamUrl}", ct: ct);
        return new ServiceApiDto(row.Id, row.Code, row.Name, row.Method, row.UpstreamUrl, row.Department!.Code, row.CreatedAt);
    }

    public async Task<List<ServiceApiDetail>> ListAsync(ClaimsPrincipal user, CancellationToken ct) =>
        await Details(Mine(user).OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id)).ToListAsync(ct);

    public async Task<ServiceApiDetail?> GetAsync(ClaimsPrincipal user, string code, CancellationToken ct) =>
        await Details(Mine(user).Where(s => s.Code == code)).FirstOrDefaultAsync(ct);

    private IQueryable<ServiceApi> Mine(ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin)) return db.ServiceApis;
        if (!user.IsInRole(Roles.Provider) || user.FindFirstValue(PortalClaims.DepartmentCode) is not { } dept) return db.ServiceApis.Where(_ => false);
        return db.ServiceApis.Where(s => s.Department!.Code == dept);
    }

    private static IQueryable<ServiceApiDetail> Details(IQueryable<ServiceApi> q) => q.AsNoTracking().Select(s => new ServiceApiDetail(
        s.Code, s.Name, s.Description, s.Method, s.UpstreamUrl, s.DomainId, s.Parameters, s.Example, s.Department!.Name, s.UpdatedAt));

    private sealed record Valid(string Name, string Description, string Method, Uri Url, int Domain, string Parameters, string Example);

    private async Task<Valid> ValidateAsync(RegisterServiceRequest r, CancellationToken ct)
    {
        var name = (r.Name ?? "").Trim();
        if (name.Length is < 2 or > 100) throw new AppValidationException("name", "接口名称应为 2 到 100 个字符。");
        var method = (r.Method ?? "GET").Trim().ToUpperInvariant();
        if (method is not ("GET" or "POST")) throw new AppValidationException("method", "请求方法只能是 GET 或 POST。");
        if (!Uri.TryCreate(r.UpstreamUrl?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.UserInfo.Length > 0 || url.OriginalString.Length > 1000)
            throw new AppValidationException("upstreamUrl", "上游地址须为完整的 http(s) 地址。");
        if (!(await allowList.HostsAsync(ct)).Contains(url.Host))
            throw new AppValidationException("upstreamUrl", $"上游主机“{url.Host}”不在平台白名单中，请联系平台管理员添加。");
        if (r.Domain is not { } domain || !await db.Domains.AnyAsync(d => d.Id == domain, ct)) throw new AppValidationException("domain", "请选择领域。");
        var description = (r.Description ?? "").Trim();
        if (description.Length > 2000) throw new AppValidationException("description", "接口说明不超过 2000 字。");
        var parameters = string.Join('\n', (r.Parameters ?? "").Replace("\r", "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        if (parameters.Length > 4000) throw new AppValidationException("parameters", "参数说明不超过 4000 字。");
        var example = (r.Example ?? "").Trim();
        if (example.Length > 8000) throw new AppValidationException("example", "示例不超过 8000 字。");
        return new Valid(name, description, method, url, domain, parameters, example);
    }

    private static void Apply(ServiceApi row, Valid v, DateTimeOffset now)
    {
        row.Name = v.Name; row.Description = v.Description; row.Method = v.Method; row.UpstreamUrl = v.Url.ToString();
        row.DomainId = v.Domain; row.Parameters = v.Parameters; row.Example = v.Example; row.UpdatedAt = now;
    }
}
