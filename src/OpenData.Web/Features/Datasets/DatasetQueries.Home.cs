using Microsoft.EntityFrameworkCore;

namespace OpenData.Web.Features.Datasets;

/// <summary>One line of a home-page list: the title, its department, and the figure the list is ranked by.</summary>
public sealed record DatasetLineDto(string Slug, string Title, string OrganizationName, DateTimeOffset? PublishedAt, long DownloadCount);

public sealed partial class DatasetQueries
{
    /// <summary>The newest published datasets, by first publication (not by last edit: a corrected typo is not news).</summary>
    public Task<List<DatasetLineDto>> NewestAsync(int count, CancellationToken ct = default) =>
        Lines(db.Datasets.AsNoTracking().Where(d => d.IsPublished).OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.Id), count, ct);

    /// <summary>The most downloaded published datasets; ones never downloaded are not a ranking, so they are left out.</summary>
    public Task<List<DatasetLineDto>> MostDownloadedAsync(int count, CancellationToken ct = default) =>
        Lines(db.Datasets.AsNoTracking().Where(d => d.IsPublished && d.DownloadCount > 0)
            .OrderByDescending(d => d.DownloadCount).ThenByDescending(d => d.Id), count, ct);

    private static Task<List<DatasetLineDto>> Lines(IQueryable<Data.Entities.Dataset> q, int count, CancellationToken ct) =>
        q.Take(count).Select(d => new DatasetLineDto(d.Slug, d.Title, d.Department!.Name, d.PublishedAt, d.DownloadCount)).ToListAsync(ct);
}
