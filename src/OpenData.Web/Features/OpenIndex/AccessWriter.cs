using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Features.OpenIndex;

/// <summary>Access events, saved in batches (BatchWriter) so that recording never slows a page.</summary>
public sealed class AccessWriter(IServiceScopeFactory scopes, IRegionLookup regions, ILogger<AccessWriter> log) : BatchWriter<AccessHit>(log)
{
    protected override async Task SaveAsync(List<AccessHit> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var ids = batch.Select(h => h.UserId).OfType<string>().Distinct().ToList();
        // 行业 and 职业 as the user gave them at registration; the user id itself is not stored.
        var profiles = ids.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Industry, u.Occupation }).ToDictionaryAsync(u => u.Id, ct);
        var departments = await DepartmentsAsync(db, batch, ct);
        foreach (var h in batch)
        {
            var p = h.UserId is not null && profiles.TryGetValue(h.UserId, out var found) ? found : null;
            db.AccessEvents.Add(new AccessEvent
            {
                At = h.At, Day = AccessRecorder.Day(h.At), Action = h.Action, Channel = h.Channel, ItemKind = h.ItemKind,
                ItemKey = h.ItemKey, DepartmentId = departments.GetValueOrDefault((h.ItemKind, h.ItemKey)), Referrer = h.Referrer,
                Industry = Cut(p?.Industry), Occupation = Cut(p?.Occupation),
                Region = regions.Region(h.Address), Network = AccessRecorder.Truncate(h.Address),
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The department of each dataset and API in the batch (so the workbench can show its own).</summary>
    private static async Task<Dictionary<(string, string), int>> DepartmentsAsync(PortalDbContext db, List<AccessHit> batch, CancellationToken ct)
    {
        var map = new Dictionary<(string, string), int>();
        var ids = batch.Where(h => h.ItemKind == AccessItems.Dataset).Select(h => int.TryParse(h.ItemKey, out var id) ? id : 0).Distinct().ToList();
        if (ids.Count > 0)
            foreach (var d in await db.Datasets.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.DepartmentId }).ToListAsync(ct))
                map[(AccessItems.Dataset, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))] = d.DepartmentId;
        var codes = batch.Where(h => h.ItemKind == AccessItems.Api).Select(h => h.ItemKey).Distinct().ToList();
        if (codes.Count > 0)
        {
            foreach (var r in await db.Resources.AsNoTracking().Where(r => codes.Contains(r.ApiCode)).Select(r => new { r.ApiCode, r.Dataset!.DepartmentId }).ToListAsync(ct))
                map[(AccessItems.Api, r.ApiCode)] = r.DepartmentId;
            foreach (var s in await db.ServiceApis.AsNoTracking().Where(s => codes.Contains(s.Code)).Select(s => new { s.Code, s.DepartmentId }).ToListAsync(ct))
                map[(AccessItems.Api, s.Code)] = s.DepartmentId;
        }
        return map;
    }

    private static string Cut(string? s) => s is null ? "" : s.Length > 50 ? s[..50] : s;
}
