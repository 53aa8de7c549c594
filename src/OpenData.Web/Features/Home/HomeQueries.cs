using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Home;

public sealed record CounterDto(string Label, string Unit, string? Href, int Value);

public sealed record DomainTileDto(int Id, string Name, string Icon, int DatasetCount);

public sealed record DepartmentTileDto(string Code, string Name, int DatasetCount);

/// <summary>Contributes a per-domain dataset count to the home tiles (the datasets feature provides it).</summary>
public interface IDomainCounts
{
    Task<Dictionary<int, int>> CountByDomainAsync(CancellationToken ct);
}

public sealed class HomeQueries(PortalDbContext db, IEnumerable<IPlatformCounter> counters, IEnumerable<IDomainCounts> domainCounts)
{
    public async Task<List<CounterDto>> CountersAsync(CancellationToken ct)
    {
        var list = new List<CounterDto>();
        foreach (var c in counters.OrderBy(c => c.Order))
            list.Add(new CounterDto(c.Label, c.Unit, c.Href, await c.CountAsync(ct)));
        return list;
    }

    public async Task<List<DomainTileDto>> DomainsAsync(CancellationToken ct)
    {
        var counts = new Dictionary<int, int>();
        foreach (var source in domainCounts)
            foreach (var (id, n) in await source.CountByDomainAsync(ct))
                counts[id] = counts.GetValueOrDefault(id) + n;
        var domains = await db.Domains.AsNoTracking().Where(d => !d.IsRetired).OrderBy(d => d.SortOrder)
            .Select(d => new { d.Id, d.Name, d.Icon }).ToListAsync(ct);
        return domains.Select(d => new DomainTileDto(d.Id, d.Name, d.Icon, counts.GetValueOrDefault(d.Id))).ToList();
    }

    /// <summary>The departments with published datasets, most first: the same set the 开放部门 figure counts.</summary>
    public async Task<List<DepartmentTileDto>> DepartmentsAsync(CancellationToken ct)
    {
        var rows = await db.Datasets.AsNoTracking().Where(d => d.IsPublished)
            .GroupBy(d => new { d.Department!.Code, d.Department.Name, d.Department.SortOrder })
            .Select(g => new { g.Key.Code, g.Key.Name, g.Key.SortOrder, Count = g.Count() }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.Count).ThenBy(r => r.SortOrder)
            .Select(r => new DepartmentTileDto(r.Code, r.Name, r.Count)).ToList();
    }
}
