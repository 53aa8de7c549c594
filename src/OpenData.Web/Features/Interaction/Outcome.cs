using System.Security.Claims;
using OpenData.Web.Features.Datasets;

namespace OpenData.Web.Features.Interaction;

public enum OutcomeKind { Ok, Invalid, Forbidden, NotFound, Conflict }

/// <summary>The result of an interaction command: success, or a message the page shows as it is.</summary>
public sealed record Outcome(OutcomeKind Kind, string? Message = null, long? Id = null)
{
    public bool Ok => Kind == OutcomeKind.Ok;
    public static Outcome Success(string? message = null, long? id = null) => new(OutcomeKind.Ok, message, id);
    public static Outcome Invalid(string message) => new(OutcomeKind.Invalid, message);
    public static Outcome Forbidden(string message = "您没有权限执行此操作") => new(OutcomeKind.Forbidden, message);
    /// <summary>Refused because of what already happened (a second +1, a second answer sheet, a closed survey): HTTP 409.</summary>
    public static Outcome Conflict(string message) => new(OutcomeKind.Conflict, message);
    public static Outcome NotFound(string message = "没有找到该内容，可能已被删除或尚未公开") => new(OutcomeKind.NotFound, message);
}

/// <summary>Who may do what: signed-in users take part; the item's department (or an admin) answers.</summary>
public static class InteractionAccess
{
    public static string? UserId(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? DatasetAccess.UserId(user) : null;

    public static bool CanHandle(ClaimsPrincipal user, string? departmentCode) =>
        DatasetAccess.IsAdmin(user) || (departmentCode is not null && DatasetAccess.ProviderDepartment(user) == departmentCode);

    public static bool IsAdmin(ClaimsPrincipal user) => DatasetAccess.IsAdmin(user);

    /// <summary>Comment moderation is review work (三权分立, ADR 0030): the Reviewer role, not the system administrator.</summary>
    public static bool IsReviewer(ClaimsPrincipal user) => user.IsInRole(OpenData.Web.Infrastructure.Auth.Roles.Reviewer);

    /// <summary>Trims and checks a required text; null when fine, else the message to show.</summary>
    public static string? CheckText(string? text, string label, int max, bool required = true)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return required ? $"请填写{label}" : null;
        return t.Length > max ? $"{label}不能超过 {max} 个字（当前 {t.Length} 个字）" : null;
    }
}
