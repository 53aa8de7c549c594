using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Features.OpenIndex;

namespace StatsBench;

/// <summary>
/// Generates access events inside the database (INSERT … SELECT over a number series), spread over the past year and
/// over plausible dimensions: a million rows a statement, so the generator is not what is measured.
/// </summary>
public static class Generator
{
    public static async Task SeedAsync(PortalDbContext db, long count, bool postgres)
    {
        var now = DateTimeOffset.UtcNow;
        await db.Database.OpenConnectionAsync(); // the temporary table lives in this connection
        await db.Database.ExecuteSqlRawAsync("CREATE TEMPORARY TABLE bench_days (d INTEGER PRIMARY KEY, day INTEGER NOT NULL, at_ticks BIGINT NOT NULL, at_ts TIMESTAMPTZ NULL)"
            .Replace(" TIMESTAMPTZ NULL", postgres ? " TIMESTAMPTZ NULL" : " TEXT NULL"));
        for (var d = 0; d < 365; d++)
        {
            var at = now.AddDays(-d).AddHours(-3);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO bench_days VALUES ({0}, {1}, {2}, {3})", d, AccessRecorder.Day(at), at.UtcTicks, postgres ? at : (object)"");
        }
        var ids = await db.Datasets.Select(x => x.Id).OrderBy(x => x).ToListAsync();
        var maxDataset = ids.Count == 0 ? 1 : ids.Max();
        const long step = 1_000_000;
        for (long from = 0; from < count; from += step)
        {
            var n = Math.Min(step, count - from);
            var series = postgres
                ? $"SELECT g AS i FROM generate_series({from + 1}, {from + n}) AS g"
                : $"WITH RECURSIVE s(i) AS (SELECT {from + 1} UNION ALL SELECT i + 1 FROM s WHERE i < {from + n}) SELECT i FROM s";
            var at = postgres ? "b.at_ts" : "b.at_ticks";
            var mod = (string x, int m) => postgres ? $"({x} % {m})" : $"({x} % {m})";
            var sql = string.Create(CultureInfo.InvariantCulture, $"""
                INSERT INTO "AccessEvents" ("At", "Day", "Action", "Channel", "ItemKind", "ItemKey", "DepartmentId", "Referrer", "Industry", "Occupation", "Region", "Network")
                SELECT {at}, b.day,
                  CASE {mod("s.i", 10)} WHEN 0 THEN 'download' WHEN 1 THEN 'search' WHEN 2 THEN 'call' ELSE 'view' END,
                  CASE {mod("s.i", 10)} WHEN 0 THEN 'download' WHEN 2 THEN 'api' ELSE CASE {mod("s.i", 3)} WHEN 0 THEN 'api' ELSE 'page' END END,
                  CASE {mod("s.i", 10)} WHEN 1 THEN 'search' WHEN 2 THEN 'api' WHEN 9 THEN 'app' ELSE 'dataset' END,
                  CASE {mod("s.i", 10)} WHEN 1 THEN 'w' || {mod("s.i * 7", 500)} WHEN 2 THEN 'api' || {mod("s.i", 120)} WHEN 9 THEN '' || ({mod("s.i", 12)} + 1) ELSE '' || ({mod("s.i * 13", maxDataset)} + 1) END,
                  {mod("s.i", 40)} + 1,
                  CASE {mod("s.i", 6)} WHEN 0 THEN '' WHEN 1 THEN '站内' WHEN 2 THEN 'www.baidu.com' WHEN 3 THEN 'www.lishui.gov.cn' ELSE 'h' || {mod("s.i", 50)} || '.example.cn' END,
                  CASE {mod("s.i", 3)} WHEN 0 THEN '' ELSE 'i' || {mod("s.i", 12)} END,
                  CASE {mod("s.i", 3)} WHEN 0 THEN '' ELSE 'o' || {mod("s.i", 10)} END,
                  '未知', '10.0.' || {mod("s.i", 250)} || '.0/24'
                FROM ({series}) AS s JOIN bench_days AS b ON b.d = {mod("s.i", 365)}
                """);
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.ExecuteSqlRawAsync(sql);
            Console.Write($"\r  generated {from + n:N0} events");
        }
        Console.WriteLine();
    }
}
