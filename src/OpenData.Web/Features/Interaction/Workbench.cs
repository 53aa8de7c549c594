using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.Interaction;

/// <summary>One thing waiting for the provider: an error report, a data request or an unanswered comment.</summary>
public sealed record WorkItem(string Kind, long Id, string Title, string Detail, string Link, string DepartmentCode, DateTimeOffset Since, string Status);

/// <summary>The provider's workbench: everything of their department still waiting (restricted-data applications too), oldest first.</summary>
public sealed class Workbench(PortalDbContext db)
{
    /// <summary>
    /// One page of the four kinds merged by age: each kind gives at most its first page × size oldest items, which
    /// is all the merged page can need; the total counts every waiting item. Null when the user is no provider.
    /// </summary>
    public async Task<Paged<WorkItem>?> PendingAsync(ClaimsPrincipal user, int page = 1, CancellationToken ct = default)
    {
        var admin = InteractionAccess.IsAdmin(user);
        var dept = Datasets.DatasetAccess.ProviderDepartment(user);
        if (!admin && dept is null) return null;
        var reports = db.ErrorReports.AsNoTracking().Where(r => r.Status == ErrorReportStatus.Pending || r.Status == ErrorReportStatus.InProgress);
        var requests = db.DataRequests.AsNoTracking().Where(r => r.Status == DataRequestStatus.Pending && r.DepartmentCode != null);
        var comments = db.Comments.AsNoTracking().Where(c => c.Status == CommentStatus.Visible && c.Reply == null);
        // 受限数据申请 waiting for the department's step (the first of the two reviews).
        var restricted = db.RestrictedApplications.AsNoTracking().Where(a => a.Status == RestrictedStatus.DepartmentReview);
        if (!admin)
        {
            restricted = restricted.Where(a => a.Department!.Code == dept);
            reports = reports.Where(r => r.DepartmentCode == dept);
            requests = requests.Where(r => r.DepartmentCode == dept);
            comments = comments.Where(c => c.DepartmentCode == dept);
        }
        var size = Paging.DefaultSize;
        var total = await reports.CountAsync(ct) + await requests.CountAsync(ct) + await comments.CountAsync(ct) + await restricted.CountAsync(ct);
        page = Paging.Clamp(page, total, size);
        var need = page * size;
        var list = new List<WorkItem>();
        list.AddRange((await reports.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(need).ToListAsync(ct)).Select(r => new WorkItem("纠错", r.Id,
            $"{Labels.Type(r.Type)}：{r.ItemTitle}", r.Description, $"/interact/workbench/error-reports/{r.Id}", r.DepartmentCode, r.CreatedAt, Labels.Status(r.Status))));
        list.AddRange((await requests.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(need).ToListAsync(ct)).Select(r => new WorkItem("数据请求", r.Id,
            r.Title, r.Description, $"/interact/requests/{r.Id}", r.DepartmentCode!, r.CreatedAt, Labels.Status(r.Status))));
        list.AddRange((await comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(need).ToListAsync(ct)).Select(c => new WorkItem("评论", c.Id,
            $"{c.UserName} 的评论", c.Body, ItemKinds.Link(c.ItemKind, c.ItemKey, "comments"), c.DepartmentCode, c.CreatedAt, "待回复")));
        list.AddRange((await restricted.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).Take(need)
            .Select(a => new { a.Id, a.SubmittedAt, Dept = a.Department!.Code, Titles = a.Datasets.Select(d => d.Dataset!.Title).ToList() }).ToListAsync(ct))
            .Select(a => new WorkItem("受限数据申请", a.Id, "申请：" + string.Join("、", a.Titles), "待提供部门审核", $"/restricted/review/{a.Id}",
                a.Dept, a.SubmittedAt ?? DateTimeOffset.MinValue, "待审核")));
        var items = list.OrderBy(i => i.Since).ThenBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Id).Skip((page - 1) * size).Take(size).ToList();
        return new Paged<WorkItem>(items, total, page, size);
    }
}
