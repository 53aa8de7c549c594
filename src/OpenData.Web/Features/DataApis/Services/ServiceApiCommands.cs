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

/// <summary>对自建的系统接口: providers register their own system's API; it is published like a data API.</summary>
public sealed class ServiceApiCommands(PortalDbContext db, UpstreamAllowList allowList, AuditLog audit, TimeProvider clock)
{
    public async Task<ServiceApiDto> RegisterAsync(ClaimsPrincipal user, RegisterServiceRequest r, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Provider) && !user.IsInRole(Roles.Admin)) throw new UnauthorizedAccessException();
        var deptCode = user.FindFirstValue(PortalClaims.DepartmentCode) ?? throw new AppValidationException("organization", "账号未关联提供机构。");
        var dept = await db.Departments.FirstOrDefaultAsync(d => d.Code == deptCode, ct) ?? throw new AppValidationException("organization", "提供机构不存在。");
        var name = (r.Name ?? "").Trim();
        if (name.Length is < 2 or > 100) throw new AppValidationException("name", "接口名称应为 2 到 100 个字符。");
        var method = (r.Method ?? "GET").Trim().ToUpperInvariant();
        if (method is not ("GET" or "POST")) throw new AppValidationException("method", "请求方法只能是 GET 或 POST。");
        if (!Uri.TryCreate(r.UpstreamUrl?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.UserInfo.Length > 0)
            throw new AppValidationException("upstreamUrl", "上游地址须为完整的 http(s) 地址。");
        if (!(await allowList.HostsAsync(ct)).Contains(url.Host))
            throw new AppValidationException("upstreamUrl", $"上游主机“{url.Host}”不在平台白名单中，请联系平台管理员添加。");
        if (r.Domain is not { } domain || !await db.Domains.AnyAsync(d => d.Id == domain, ct)) throw new AppValidationException("domain", "请选择领域。");
        var now = clock.GetUtcNow();
        var row = new ServiceApi
        {
            Code = "sv" + System.Security.Cryptography.RandomNumberGenerator.GetString("0123456789abcdefghjkmnpqrstuvwxyz", 10),
            DepartmentId = dept.Id, DomainId = domain, Name = name, Description = (r.Description ?? "").Trim(), Method = method,
            UpstreamUrl = url.ToString(), Parameters = (r.Parameters ?? "").Trim(), Example = (r.Example ?? "").Trim(),
            IsPublished = true, CreatedById = user.FindFirstValue(ClaimTypes.NameIdentifier), CreatedAt = now, UpdatedAt = now,
        };
        db.ServiceApis.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(DataApiAudit.ServiceRegistered, $"service-api:{row.Code}", $"{name} → {url.Host}", ct: ct);
        return new ServiceApiDto(row.Id, row.Code, row.Name, row.Method, row.UpstreamUrl, dept.Code, row.CreatedAt);
    }
}
