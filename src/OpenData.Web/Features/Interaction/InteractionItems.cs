using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;

namespace OpenData.Web.Features.Interaction;

/// <summary>What the interaction features need to know about any item: its title, page and owning department.</summary>
public sealed record InteractionItem(string Kind, string Key, string Title, string Link, string DepartmentCode, string DepartmentName);

/// <summary>
/// Turns (kind, key) into an item. Each area registers one: datasets here, APIs by the API feature, apps later
/// (services.AddScoped&lt;IInteractionItemResolver, …&gt;()). Only items visible to the public resolve.
/// </summary>
public interface IInteractionItemResolver
{
    string Kind { get; }
    Task<InteractionItem?> ResolveAsync(string key, CancellationToken ct);
}

public static class ItemKinds
{
    public const string Dataset = "dataset";
    public const string Api = "api";
    public const string App = "app";

    public static string Label(string kind) => kind switch { Dataset => "数据集", Api => "接口", App => "应用", _ => kind };

    /// <summary>The item's own page (with an optional #section), without a lookup: for lists that hold only (kind, key).</summary>
    public static string Link(string kind, string key, string? section = null)
    {
        var page = kind switch
        {
            Dataset => "/datasets/" + Uri.EscapeDataString(key),
            Api => "/apis/" + Uri.EscapeDataString(key),
            App => "/apps/" + Uri.EscapeDataString(key),
            _ => $"/interact/items/{Uri.EscapeDataString(kind)}/{Uri.EscapeDataString(key)}",
        };
        return section is null ? page : page + "#" + section;
    }
}

public sealed class InteractionItems(IEnumerable<IInteractionItemResolver> resolvers)
{
    public bool Knows(string kind) => resolvers.Any(r => r.Kind == kind);

    public async Task<InteractionItem?> ResolveAsync(string kind, string key, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 100) return null;
        var resolver = resolvers.FirstOrDefault(r => r.Kind == kind);
        return resolver is null ? null : await resolver.ResolveAsync(key, ct);
    }
}

public sealed class DatasetItemResolver(PortalDbContext db) : IInteractionItemResolver
{
    public string Kind => ItemKinds.Dataset;

    public Task<InteractionItem?> ResolveAsync(string key, CancellationToken ct) =>
        db.Datasets.AsNoTracking().Where(d => d.Slug == key && d.IsPublished)
            .Select(d => new InteractionItem(ItemKinds.Dataset, d.Slug, d.Title, "/datasets/" + d.Slug, d.Department!.Code, d.Department.Name))
            .FirstOrDefaultAsync(ct);
}
