using System.Security.Claims;

namespace OpenData.Web.Infrastructure.Web;

/// <summary>One review queue's state for the admin dashboard: how much waits and since when.</summary>
public sealed record ReviewQueueStatus(string Key, string Label, string Href, int Count, DateTimeOffset? OldestAt, int Order);

/// <summary>
/// A queue that administrators (or reviewers) work through: API applications, held comments, data requests,
/// error reports… Each feature registers its own (services.AddScoped&lt;IReviewQueue, …&gt;()); the dashboard lists
/// only the queues that are registered, so nothing appears before its feature exists.
/// </summary>
public interface IReviewQueue
{
    Task<ReviewQueueStatus> StatusAsync(ClaimsPrincipal user, CancellationToken ct);
}
