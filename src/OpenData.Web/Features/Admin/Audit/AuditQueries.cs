using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Auditing;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Admin.Audit;

public sealed record AuditFilter(string? Actor = null, string? Action = null, string? Target = null,
    DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50);

public sealed record AuditRow(long Id, DateTimeOffset At, string ActorName, string Action, string Target, string Detail, string IpAddress, bool Succeeded);

/// <summary>The audit log for auditors, read-only: filters, pages and a CSV export (the export itself is audited).</summary>
public sealed class AuditQueries(PortalDbContext db, AuditLog audit)
{
    public const int MaxExportRows = 100_000;

    public async Task<Paged<AuditRow>?> SearchAsync(AuditFilter f, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!BackOfficeAccess.IsAuditor(user)) return null;
        var page = Math.Max(1, f.Page);
        var size = Math.Clamp(f.PageSize, 1, 200);
        var q = Filtered(f);
        var total = await q.CountAsync(ct);
        var items = await Rows(q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new Paged<AuditRow>(items, total, page, size);
    }

    /// <summary>UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly.</summary>
    public async Task<byte[]?> ExportCsvAsync(AuditFilter f, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!BackOfficeAccess.IsAuditor(user)) return null;
        var rows = await Rows(Filtered(f).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(MaxExportRows)).ToListAsync(ct);
        var sb = new StringBuilder("时间,操作人,操作,对象,详情,IP,结果\r\n");
        foreach (var r in rows)
            sb.Append(string.Join(',', [r.At.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Csv(r.ActorName), Csv(r.Action), Csv(r.Target), Csv(r.Detail), Csv(r.IpAddress), r.Succeeded ? "成功" : "失败"]))
              .Append("\r\n");
        await audit.WriteAsync(AuditActions.AuditExported, "audit", $"导出 {rows.Count} 条：actor={f.Actor} action={f.Action} target={f.Target} {f.From}–{f.To}", ct: ct);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public Task<List<string>> ActionsAsync(CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);

    private IQueryable<AuditEntry> Filtered(AuditFilter f)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Actor)) { var a = f.Actor.Trim(); q = q.Where(x => x.ActorName.Contains(a)); }
        if (!string.IsNullOrWhiteSpace(f.Action)) { var a = f.Action.Trim(); q = q.Where(x => x.Action == a); }
        if (!string.IsNullOrWhiteSpace(f.Target)) { var t = f.Target.Trim(); q = q.Where(x => x.Target.Contains(t)); }
        var china = OpenData.Web.Infrastructure.Web.ChinaTime.Offset;
        if (f.From is { } from) { var t = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), china).ToUniversalTime(); q = q.Where(x => x.At >= t); }
        if (f.To is { } to) { var t = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), china).ToUniversalTime(); q = q.Where(x => x.At < t); }
        return q;
    }

    private static IQueryable<AuditRow> Rows(IQueryable<AuditEntry> q) =>
        q.Select(a => new AuditRow(a.Id, a.At, a.ActorName, a.Action, a.Target, a.Detail, a.IpAddress, a.Succeeded));

    /// <summary>Quotes a field, and defuses spreadsheet formulas (a cell starting with = + - @).</summary>
    private static string Csv(string s)
    {
        if (s.Length > 0 && "=+-@".Contains(s[0])) s = "'" + s;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    public static DateOnly? Date(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
