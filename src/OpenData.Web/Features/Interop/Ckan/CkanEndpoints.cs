using OpenData.Web.Features.Datasets;
using OpenData.Web.Features.Datastore;

namespace OpenData.Web.Features.Interop.Ckan;

/// <summary>
/// /api/3/action/{action} and /api/action/{action}: CKAN 2.11's read actions in CKAN's envelope
/// {help, success, result | error}, by GET (query string) or POST (JSON body), as ckanapi and harvesters call them.
/// Read-only: the write actions answer 403 as CKAN does to a caller without the right.
/// </summary>
public static class CkanEndpoints
{
    private static readonly HashSet<string> WriteActions =
    [
        "package_create", "package_update", "package_patch", "package_delete", "resource_create", "resource_update",
        "resource_patch", "resource_delete", "organization_create", "group_create", "datastore_create", "datastore_upsert",
        "datastore_delete",
    ];

    public static void MapCkanEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in new[] { "/api/3/action/{action}", "/api/action/{action}" })
        {
            app.MapGet(prefix, (string action, HttpContext http, CancellationToken ct) =>
                RunAsync(action, http, CkanRequest.FromQuery(http.Request.Query), ct)).ExcludeFromDescription();
            // Anonymous and read-only: nothing for a forged cross-site POST to change.
            app.MapPost(prefix, async (string action, HttpContext http, CancellationToken ct) =>
                    await CkanRequest.FromBodyAsync(http.Request, ct) is { } r
                        ? await RunAsync(action, http, r, ct)
                        : BadRequest("JSON Error: the body must be a JSON object"))
                .DisableAntiforgery().ExcludeFromDescription();
        }
    }

    private static async Task<IResult> RunAsync(string action, HttpContext http, CkanRequest r, CancellationToken ct)
    {
        var services = http.RequestServices;
        var help = services.GetRequiredService<SiteUrl>().Of($"/api/3/action/help_show?name={Uri.EscapeDataString(action)}");
        var catalog = services.GetRequiredService<CkanCatalogActions>();
        try
        {
            async Task<bool> Direct() => await services.GetRequiredService<DatasetDownloads>().AnonymousOpenAllowedAsync(ct);
            object? result = action switch
            {
                "package_search" => await services.GetRequiredService<CkanSearch>().SearchAsync(r, await Direct(), ct),
                "package_show" => await catalog.PackageShowAsync(r, await Direct(), ct),
                "package_list" => await catalog.PackageListAsync(r, ct),
                "resource_show" => await catalog.ResourceShowAsync(r, await Direct(), ct),
                "organization_list" => await catalog.OrganizationListAsync(r, ct),
                "organization_show" => await catalog.OrganizationShowAsync(r, await Direct(), ct),
                "group_list" => await catalog.GroupListAsync(r, ct),
                "group_show" => await catalog.GroupShowAsync(r, await Direct(), ct),
                "tag_list" => await catalog.TagListAsync(r, ct),
                "datastore_search" => await services.GetRequiredService<CkanDatastore>().SearchAsync(r, ct),
                "status_show" => Status(services.GetRequiredService<SiteUrl>()),
                "help_show" => CkanHelp.Text(r.String("name")) ?? throw new CkanNotFound("Action function not found"),
                _ when WriteActions.Contains(action) => throw new CkanNotAuthorized("本平台的 CKAN 兼容接口只读，数据发布请使用平台的发布接口"),
                _ => null,
            };
            if (result is null && !IsKnown(action)) return BadRequest($"Action name not known: {action}");
            return Results.Json(new Dictionary<string, object?> { ["help"] = help, ["success"] = true, ["result"] = result }, CkanJson.Options);
        }
        catch (DatastoreQueryException e)
        {
            return Error(help, new CkanValidation("filters", e.Message));
        }
        catch (CkanException e)
        {
            return Error(help, e);
        }
    }

    private static bool IsKnown(string action) => CkanHelp.Text(action) is not null;

    private static IResult Error(string help, CkanException e) => Results.Json(
        new Dictionary<string, object?> { ["help"] = help, ["success"] = false, ["error"] = e.Error() }, CkanJson.Options, statusCode: e.Status);

    /// <summary>CKAN answers an unknown action or unreadable JSON with a bare JSON string and 400.</summary>
    private static IResult BadRequest(string message) => Results.Json("Bad request - " + message, CkanJson.Options, statusCode: 400);

    private static Dictionary<string, object?> Status(SiteUrl site) => new()
    {
        ["site_title"] = "丽水市公共数据开放平台", ["site_description"] = "丽水市公共数据开放平台的 CKAN 兼容只读接口",
        ["site_url"] = site.Base, ["ckan_version"] = "2.11.0", ["error_emails_to"] = null, ["locale_default"] = "zh_Hans_CN",
        ["extensions"] = new[] { "datastore" },
    };
}
