using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Querying;

namespace OpenData.Web.Features.DataApis.Catalog;

public sealed record ApiField(string Name, string Type, string Description);

public sealed record ApiDetail(ApiSummary Api, string? DatasetTitle, IReadOnlyList<ApiField> Fields,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> ExampleRecords, long? Total, string? UpstreamParameters, string? ServiceExample,
    bool Restricted = false);

/// <summary>What the API page documents: parameters from the field dictionary, examples from the real data.</summary>
public sealed class ApiDetails(PortalDbContext db, ApiCatalog catalog, DatastoreReader reader, IServiceProvider services)
{
    public async Task<ApiDetail?> GetAsync(string code, CancellationToken ct)
    {
        var api = await catalog.FindAsync(code, ct);
        if (api is null) return null;
        if (api.Kind == "service")
        {
            var s = await db.ServiceApis.AsNoTracking().Where(x => x.Code == code).Select(x => new { x.Parameters, x.Example }).FirstAsync(ct);
            var fields = s.Parameters.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(l => l.Split('|', 2)).Select(p => new ApiField(p[0], "text", p.Length > 1 ? p[1] : "")).ToList();
            return new ApiDetail(api, null, fields, [], null, s.Parameters, s.Example);
        }
        var slug = api.DatasetSlug!;
        var dataset = await db.Datasets.AsNoTracking().Where(d => d.Slug == slug).Select(d => new { d.Title, d.Id, d.OpenCondition }).FirstAsync(ct);
        var dict = await db.DatasetFields.AsNoTracking().Where(f => f.DatasetId == dataset.Id).OrderBy(f => f.Position)
            .Select(f => new ApiField(f.Name, f.Type, f.Description)).ToListAsync(ct);
        // IResourceTables comes from the datasets feature; without it (or before a load) the page shows the dictionary only.
        var table = services.GetService<IResourceTables>() is { } tables ? await tables.CurrentAsync(api.ResourceId!.Value, ct) : null;
        // 有条件开放 rows are for grantees only: the page documents the fields but shows no example records.
        if (dataset.OpenCondition == OpenCondition.Restricted) return new ApiDetail(api, dataset.Title, dict, [], api.RowCount, null, null, Restricted: true);
        if (table is null) return new ApiDetail(api, dataset.Title, dict, [], api.RowCount, null, null);
        var fieldsFromTable = table.Columns.Select(c => dict.FirstOrDefault(f => f.Name == c.Name) ?? new ApiField(c.Name, c.Type.ToString().ToLowerInvariant(), "")).ToList();
        var page = await reader.QueryAsync(table.TableName, table.Columns, new RowQuery([], [], 1, 2), ct);
        return new ApiDetail(api, dataset.Title, fieldsFromTable, page.Rows, table.RowCount, null, null);
    }
}
