using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Features.Datasets;

/// <summary>
/// SQLite only: the FTS5 index over the DatasetSearch table, kept by triggers so every catalog write updates it
/// in the same transaction. EF migrations cannot describe virtual tables or triggers, so they are created here,
/// idempotently, after migrations on every start (ADR 0020); a table rebuild by a later migration drops the
/// triggers, which this notices and repairs with a full rebuild.
/// </summary>
public sealed class SqliteSearchIndex(DatabaseProviderInfo provider) : IStartupSeeder
{
    private static readonly string[] Statements =
    [
        """CREATE VIRTUAL TABLE IF NOT EXISTS "DatasetSearchFts" USING fts5("Title", "Body", "Fields", content='DatasetSearch', content_rowid='DatasetId', tokenize='unicode61')""",
        """
        CREATE TRIGGER IF NOT EXISTS "DatasetSearch_ai" AFTER INSERT ON "DatasetSearch" BEGIN
          INSERT INTO "DatasetSearchFts"(rowid, "Title", "Body", "Fields") VALUES (new."DatasetId", new."Title", new."Body", new."Fields");
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS "DatasetSearch_ad" AFTER DELETE ON "DatasetSearch" BEGIN
          INSERT INTO "DatasetSearchFts"("DatasetSearchFts", rowid, "Title", "Body", "Fields") VALUES ('delete', old."DatasetId", old."Title", old."Body", old."Fields");
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS "DatasetSearch_au" AFTER UPDATE ON "DatasetSearch" BEGIN
          INSERT INTO "DatasetSearchFts"("DatasetSearchFts", rowid, "Title", "Body", "Fields") VALUES ('delete', old."DatasetId", old."Title", old."Body", old."Fields");
          INSERT INTO "DatasetSearchFts"(rowid, "Title", "Body", "Fields") VALUES (new."DatasetId", new."Title", new."Body", new."Fields");
        END
        """,
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        if (provider.Provider != DatabaseProvider.Sqlite) return;
        var db = services.GetRequiredService<PortalDbContext>();
        var present = await db.Database.SqlQuery<int>($"""
            SELECT count(*) AS "Value" FROM sqlite_master
            WHERE name IN ('DatasetSearchFts', 'DatasetSearch_ai', 'DatasetSearch_ad', 'DatasetSearch_au')
            """).SingleAsync(ct);
        if (present == 4) return;
        foreach (var sql in Statements)
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        await RebuildAsync(db, ct);
    }

    public static Task RebuildAsync(PortalDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("""INSERT INTO "DatasetSearchFts"("DatasetSearchFts") VALUES ('rebuild')""", ct);
}
