using Microsoft.EntityFrameworkCore;

namespace OpenData.Web.Features.Interaction;

/// <summary>One page of a list that can grow, with the total for the page links (pages and JSON API alike).</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => PageSize <= 0 ? 1 : Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>No items: what a page shows before it has loaded, or to someone not allowed to see the list.</summary>
    public static Paged<T> Empty { get; } = new([], 0, 1, Paging.DefaultSize);
}

public static class Paging
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    /// <summary>Page 1 for anything missing, zero, negative or unparsable.</summary>
    public static int Number(int? page) => page is > 0 ? page.Value : 1;

    public static int Number(string? page) => int.TryParse(page, out var p) && p > 0 ? p : 1;

    public static int Size(int? size) => Math.Clamp(size ?? DefaultSize, 1, MaxSize);

    /// <summary>A page past the end shows the last page (lists whose items come from more than one query).</summary>
    public static int Clamp(int page, int total, int size) => Math.Clamp(page, 1, Math.Max(1, (total + size - 1) / size));

    /// <summary>Counts and takes one page of an already ordered query.</summary>
    public static async Task<Paged<T>> PageAsync<T>(IQueryable<T> ordered, int page, int size, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip((Math.Max(1, page) - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<T>(items, total, Math.Max(1, page), size);
    }
}
