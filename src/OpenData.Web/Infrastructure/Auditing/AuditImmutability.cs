using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Infrastructure.Auditing;

/// <summary>
/// The audit log is append-only inside the app: any save that would modify or delete an AuditEntry fails.
/// The only removal is the retention purge (AuditRetention), a set-based delete of entries older than the
/// retention period, which never goes through change tracking.
/// </summary>
public sealed class AuditImmutability : SaveChangesInterceptor
{
    public const string Message = "审计日志只能追加，不能修改或删除";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null) return;
        foreach (var e in context.ChangeTracker.Entries<AuditEntry>())
            if (e.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException(Message);
    }
}
