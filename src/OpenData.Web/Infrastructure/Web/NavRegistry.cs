namespace OpenData.Web.Infrastructure.Web;

/// <summary>A main-navigation entry. Features add theirs when they exist, so no link leads nowhere.</summary>
public sealed record NavItem(string Label, string Href, int Order);

public sealed class NavRegistry(IEnumerable<NavItem> items)
{
    public IReadOnlyList<NavItem> Items { get; } = items.OrderBy(i => i.Order).ToList();
}

/// <summary>A live figure on the home page (datasets, APIs, apps, departments…), contributed by its feature.</summary>
public interface IPlatformCounter
{
    string Label { get; }
    string Unit { get; }
    string? Href { get; }
    int Order { get; }
    Task<int> CountAsync(CancellationToken ct);
}
