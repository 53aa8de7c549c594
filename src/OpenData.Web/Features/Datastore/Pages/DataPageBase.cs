using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace OpenData.Web.Features.Datastore.Pages;

/// <summary>
/// Base of the preview and analysis pages: services from the component's own scope (the layout queries the
/// database concurrently), the request's query string (filters are free-form keys), and URL building.
/// </summary>
public abstract class DataPageBase : OwningComponentBase
{
    [Parameter] public string Slug { get; set; } = "";
    [CascadingParameter] protected HttpContext? HttpContext { get; set; }
    [Inject] protected NavigationManager Nav { get; set; } = null!;

    protected ResourceData Data => ScopedServices.GetRequiredService<ResourceData>();
    protected ClaimsPrincipal User => HttpContext?.User ?? new ClaimsPrincipal();
    protected IQueryCollection Query => HttpContext?.Request.Query ?? new QueryCollection();
    protected string? Q(string key) => Query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
    protected int? QInt(string key) => int.TryParse(Q(key), out var n) ? n : null;
    protected string DatasetUrl => $"/datasets/{Uri.EscapeDataString(Slug)}";

    /// <summary>The current URL of <paramref name="path"/> with some keys replaced (null removes a key).</summary>
    protected string With(string path, params (string Key, string? Value)[] changes)
    {
        var pairs = Query.Where(q => !changes.Any(c => string.Equals(c.Key, q.Key, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Concat(changes.Where(c => c.Value is not null).Select(c => new KeyValuePair<string, string?>(c.Key, c.Value)));
        return QueryHelpers.AddQueryString(path, pairs);
    }

    protected static string Show(object? v) => Jobs.IngestionJobRunner.Text(v);
}
