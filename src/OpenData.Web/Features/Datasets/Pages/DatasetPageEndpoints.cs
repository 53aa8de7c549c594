using Microsoft.AspNetCore.Mvc;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.Datasets.Pages;

/// <summary>
/// The detail page's download form (GET /datasets/{slug}/download?resource=&amp;format=&amp;version=&amp;agree=true).
/// It goes through the same DatasetDownloads checks as the API; a refusal returns to the form with the reason,
/// where the API would answer problem+json.
/// </summary>
public static class DatasetPageEndpoints
{
    public static IServiceCollection AddDatasetPages(this IServiceCollection services) =>
        services.AddScoped<Manage.ManageLookups>();

    public static WebApplication MapDatasetPages(this WebApplication app)
    {
        // /manage is the provider's workplace (the user menu links it); its first page is the dataset list.
        app.MapGet("/manage", () => Results.LocalRedirect("/manage/datasets")).ExcludeFromDescription();
        app.MapGet("/datasets/{slug}/download", async (string slug, [FromQuery(Name = "resource")] string? resourceText, [FromQuery(Name = "version")] string? versionText,
            [FromQuery] string? format, [FromQuery] string? agree, HttpContext http, DatasetDownloads downloads,
            Datastore.Querying.DatastoreReader reader, CancellationToken ct) =>
        {
            // Parsed by hand: a hand-edited query string gets the form back with a message, not a binding error.
            var resource = Show.Int(resourceText);
            var version = Show.Int(versionText);
            var back = $"/datasets/{Uri.EscapeDataString(slug)}";
            if (resource is null) return Results.LocalRedirect(back + "?downloadError=not-found#download");
            var result = await downloads.PrepareAsync(slug, resource.Value, version, format, agree == "true", http.User, ct);
            if (result.Status == 200 && result.Table is not null) return DatasetEndpoints.Export(result, slug, resource.Value, reader, ct);
            if (result.Status == 200 && result.FilePath is not null)
                return AttachmentResult.For(Results.File(result.FilePath, result.ContentType ?? "application/octet-stream"), slug, resource.Value, result.FileName!);
            if (result.Status == 404 && result.Code == "not-found" && result.Message?.StartsWith("数据集") == true)
                return Results.NotFound();
            if (result.Code == DatasetDownloads.AgreementChangedCode)
            {
                // A new download agreement was published since this user accepted one: read and accept it, then come back.
                var again = back + $"?resource={resource}" + (version is null ? "" : $"&version={version}") + "#download";
                return Results.LocalRedirect("/agreements/download?returnUrl=" + Uri.EscapeDataString(again));
            }
            var query = $"?resource={resource}" + (version is null ? "" : $"&version={version}") +
                        $"&downloadError={Uri.EscapeDataString(result.Code ?? "failed")}";
            return Results.LocalRedirect(back + query + "#download");
        }).ExcludeFromDescription().NoStore();
        return app;
    }
}
