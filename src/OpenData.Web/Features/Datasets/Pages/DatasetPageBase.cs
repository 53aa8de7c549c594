using Microsoft.AspNetCore.Components;
using OpenData.Web.Features.Datasets.Pages.Manage;

namespace OpenData.Web.Features.Datasets.Pages;

/// <summary>
/// Base of the dataset pages and their parts. Each component resolves its services from its own DI scope:
/// static SSR runs the layout's and the page's async initialisation concurrently, and one request-scoped
/// DbContext cannot serve two queries at once (PostgreSQL fails with "a second operation was started").
/// The scope is created lazily, so parts that query nothing cost nothing.
/// </summary>
public abstract class DatasetPageBase : OwningComponentBase
{
    protected DatasetQueries Queries => ScopedServices.GetRequiredService<DatasetQueries>();
    protected DatasetCommands Commands => ScopedServices.GetRequiredService<DatasetCommands>();
    protected DatasetDownloads Downloads => ScopedServices.GetRequiredService<DatasetDownloads>();
    protected DatasetViews Views => ScopedServices.GetRequiredService<DatasetViews>();
    protected ManageLookups Lookups => ScopedServices.GetRequiredService<ManageLookups>();
}
