using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Admin.Audit;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Auth;
using static OpenData.IntegrationTests.Features.Accounts.AccountFlows;
using static OpenData.IntegrationTests.Features.Admin.BackOfficeKit;

namespace OpenData.IntegrationTests.Features.Admin;

public abstract class AuditLogTests(PortalFactory factory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task An_auditor_filters_the_log_by_action_and_target_and_exports_csv_with_a_bom()
    {
        var (auditor, _) = await BackOfficeClientAsync(factory, Roles.Auditor);
        var ghost = UniqueName("ghost");
        await factory.CreateBrowserClient().SignInAsync(ghost, "wrong-password1");

        var page = await auditor.GetStringAsync($"/admin/audit?action={AuditActions.SignInFailed}&target=user:{ghost}");
        Assert.Contains("共 1 条", page);
        Assert.Contains($"user:{ghost}", page);

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
        var api = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?target={ghost}&from={today}&to={today}", Json);
        Assert.Equal(1, api.GetProperty("total").GetInt32());
        Assert.Equal(0, (await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?target={ghost}&to=2020-01-01", Json)).GetProperty("total").GetInt32());
        Assert.Equal(AuditActions.SignInFailed, api.GetProperty("items")[0].GetProperty("action").GetString());

        var csv = await auditor.GetByteArrayAsync($"/admin/audit/export?target={ghost}");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var text = Encoding.UTF8.GetString(csv[3..]);
        Assert.StartsWith("时间,操作人,操作,对象,详情,IP,结果", text);
        Assert.Contains($"user:{ghost}", text);
        Assert.NotEmpty(await AuditAsync(factory, AuditActions.AuditExported, "audit"));
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted_through_the_app()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
        entry.Detail = "tampered";
        Assert.Equal(AuditImmutability.Message, (await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync())).Message);
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Id).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        Assert.NotEqual("tampered", (await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).FirstAsync()).Detail);
    }

    [Fact]
    public async Task The_retention_purge_removes_only_entries_older_than_the_retention()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var marker = UniqueName("old");
        var now = DateTimeOffset.UtcNow;
        db.AuditEntries.AddRange(
            new AuditEntry { At = now.AddDays(-200), Action = "test.old", Target = marker, ActorName = "t" },
            new AuditEntry { At = now.AddDays(-170), Action = "test.recent", Target = marker, ActorName = "t" });
        await db.SaveChangesAsync();
        Assert.True(await scope.ServiceProvider.GetRequiredService<AuditRetention>().PurgeAsync() >= 1);
        var left = await db.AuditEntries.AsNoTracking().Where(a => a.Target == marker).Select(a => a.Action).ToListAsync();
        Assert.Equal(["test.recent"], left);
        Assert.NotEmpty(await AuditAsync(factory, AuditActions.AuditPurged, "audit"));
    }
}

public sealed class AuditLogTestsSqlite(SqlitePortalFactory f) : AuditLogTests(f), IClassFixture<SqlitePortalFactory>;
public sealed class AuditLogTestsPostgres(PostgresPortalFactory f) : AuditLogTests(f), IClassFixture<PostgresPortalFactory>;
