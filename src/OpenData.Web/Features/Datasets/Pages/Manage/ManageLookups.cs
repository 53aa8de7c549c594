using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;

namespace OpenData.Web.Features.Datasets.Pages.Manage;

public sealed record Choice(string Value, string Label);

/// <summary>The publishing form's select lists. A provider is offered only its own department.</summary>
public sealed class ManageLookups(PortalDbContext db)
{
    public async Task<List<Choice>> DepartmentsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var own = DatasetAccess.IsAdmin(user) ? null : DatasetAccess.ProviderDepartment(user) ?? "";
        return await db.Departments.AsNoTracking().Where(d => !d.IsRetired && (own == null || d.Code == own))
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new Choice(d.Code, d.Name)).ToListAsync(ct);
    }

    public Task<List<Choice>> DomainsAsync(CancellationToken ct = default) =>
        db.Domains.AsNoTracking().Where(d => !d.IsRetired).OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new Choice(d.Id.ToString(), d.Name)).ToListAsync(ct);

    public Task<List<Choice>> CountiesAsync(CancellationToken ct = default) =>
        db.Counties.AsNoTracking().OrderBy(c => c.Code).Select(c => new Choice(c.Code, c.Name)).ToListAsync(ct);
}
