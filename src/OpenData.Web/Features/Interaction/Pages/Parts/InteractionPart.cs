using System.Security.Claims;
using Microsoft.AspNetCore.Components;

namespace OpenData.Web.Features.Interaction.Pages.Parts;

/// <summary>
/// Base of the reusable widgets. Each runs its queries in its own scope: the widgets sit beside the host page's
/// own queries, and one DbContext cannot run two at once (PostgreSQL: "A second operation was started").
/// </summary>
public abstract class InteractionPart : ComponentBase
{
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [CascadingParameter] protected HttpContext? HttpContext { get; set; }

    protected ClaimsPrincipal User => HttpContext?.User ?? new ClaimsPrincipal();
    protected bool SignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>Where a widget's form post returns to: the page it is on.</summary>
    protected string ReturnUrl => HttpContext is null ? "/" : HttpContext.Request.Path + HttpContext.Request.QueryString;

    protected string LoginHref => "/account/login?returnUrl=" + Uri.EscapeDataString(ReturnUrl);

    protected async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected static string Act(string kind, string key, string action) =>
        $"/interact/act/{Uri.EscapeDataString(kind)}/{Uri.EscapeDataString(key)}/{action}";
}
