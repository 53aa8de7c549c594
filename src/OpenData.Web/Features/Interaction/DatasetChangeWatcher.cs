using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Interaction;

/// <summary>
/// Watches every save for a newly served resource version or a metadata change of a published dataset, and in the same
/// save records a DatasetUpdate (the Atom feed) and a 站内消息 per subscriber. An interceptor rather than calls in
/// the dataset commands, so uploads, edits and the ingestion worker are all covered without knowing about us.
/// E-mail goes out after the save, only when SMTP is enabled.
/// </summary>
public sealed class DatasetChangeWatcher(TimeProvider clock, IServiceProvider services) : SaveChangesInterceptor
{
    private static readonly Dictionary<string, string> MetadataLabels = new()
    {
        [nameof(Dataset.Title)] = "名称", [nameof(Dataset.Summary)] = "简介", [nameof(Dataset.Tags)] = "标签",
        [nameof(Dataset.OpenCondition)] = "开放属性", [nameof(Dataset.UpdateFrequency)] = "更新频率", [nameof(Dataset.DomainId)] = "领域",
        [nameof(Dataset.DepartmentId)] = "提供部门", [nameof(Dataset.CountyCode)] = "区县", [nameof(Dataset.TimeCoverage)] = "时间范围",
        [nameof(Dataset.SpatialCoverage)] = "空间范围", [nameof(Dataset.Contact)] = "联系方式", [nameof(Dataset.Licence)] = "许可协议",
    };

    private readonly List<Message> _mail = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is PortalDbContext db) await CollectAsync(db, ct);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (_mail.Count > 0 && eventData.Context is PortalDbContext db)
        {
            var batch = _mail.ToList();
            _mail.Clear();
            await services.GetRequiredService<SubscriptionMailer>().SendAsync(db, batch, ct);
        }
        return result;
    }

    private async Task CollectAsync(PortalDbContext db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var changes = new Dictionary<int, (string Kind, string Text)>();
        foreach (var e in tracker.Entries<ResourceVersion>().Where(IsNewlyServed))
        {
            var resource = e.Entity.Resource ?? await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == e.Entity.ResourceId, ct);
            // Only the version the resource now serves is news (a reload of an older version is not).
            if (resource is null || resource.DatasetId == 0 || resource.CurrentVersion != e.Entity.Number) continue;
            changes[resource.DatasetId] = ("version", $"资源“{resource.Name}”发布了第 {e.Entity.Number} 版（{e.Entity.Format}）");
        }
        foreach (var e in tracker.Entries<Dataset>().Where(e => e.State == EntityState.Modified))
        {
            var changed = MetadataLabels.Where(p => IsChanged(e.Property(p.Key))).Select(p => p.Value).ToList();
            if (changed.Count > 0 && !changes.ContainsKey(e.Entity.Id)) changes[e.Entity.Id] = ("metadata", $"更新了{string.Join("、", changed)}");
        }
        foreach (var e in tracker.Entries<DatasetField>().Where(e => e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified))
            if (e.Entity.DatasetId != 0 && !changes.ContainsKey(e.Entity.DatasetId)) changes[e.Entity.DatasetId] = ("metadata", "更新了数据项（字段说明）");
        if (changes.Count == 0) return;

        var ids = changes.Keys.ToList();
        var published = await db.Datasets.AsNoTracking().Where(d => ids.Contains(d.Id) && d.IsPublished)
            .Select(d => new { d.Id, d.Slug, d.Title }).ToListAsync(ct);
        if (published.Count == 0) return;
        var publishedIds = published.Select(p => p.Id).ToList();
        var subscribers = await db.Subscriptions.AsNoTracking().Where(s => publishedIds.Contains(s.DatasetId)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var d in published)
        {
            var (kind, text) = changes[d.Id];
            var title = kind == "version" ? $"“{d.Title}”发布了新版本" : $"“{d.Title}”的信息有变更";
            // The tracked entity may carry the new title already.
            db.DatasetUpdates.Add(new DatasetUpdate { DatasetId = d.Id, Kind = kind, Title = Cut(title, 300), Summary = Cut(text, 1000), At = now });
            foreach (var s in subscribers.Where(s => s.DatasetId == d.Id))
            {
                var m = new Message { UserId = s.UserId, Category = "订阅更新", Title = Cut(title, 200), Body = text, Link = $"/datasets/{d.Slug}", CreatedAt = now };
                db.Messages.Add(m);
                _mail.Add(m);
            }
        }
    }

    /// <summary>
    /// A version is announced when it is served, not when it is uploaded: a non-tabular file at once, a table in
    /// the save of its ingestion job that points the version at its loaded table (never while it loads, nor when
    /// the load failed, so a subscriber who follows the link finds the new data).
    /// </summary>
    private static bool IsNewlyServed(EntityEntry<ResourceVersion> e) => e.State switch
    {
        EntityState.Added => e.Entity.TableName is not null || !Datasets.DatasetLabels.IsTabular(e.Entity.Format),
        EntityState.Modified => e.Property(v => v.TableName).OriginalValue is null && e.Entity.TableName is not null,
        _ => false,
    };

    private static bool IsChanged(PropertyEntry p) => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue);

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
