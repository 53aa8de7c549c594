using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenData.Web.Features.DataApis.Gateway;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Querying;

namespace OpenData.Web.Features.Interop.Ckan;

public sealed record CkanDatastoreField(string Id, string Type);

public sealed record CkanDatastoreResult(
    string ResourceId, IReadOnlyList<CkanDatastoreField> Fields, IReadOnlyList<DataRow> Records, int Limit, int Offset,
    bool IncludeTotal, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] long? Total,
    bool TotalWasEstimated, string RecordsFormat, [property: System.Text.Json.Serialization.JsonPropertyName("_links")] IReadOnlyDictionary<string, string> Links);

/// <summary>
/// datastore_search over the same served tables as the preview: access through ResourceData (so a version is
/// visible here exactly when it is in the preview), rows through its RowsAsync and the DatastoreReader, and every
/// query inside the data API's QueryGate, so CKAN clients cannot crowd out the preview or the signed API.
/// </summary>
public sealed class CkanDatastore(PublicCatalog catalog, ResourceData data, DatastoreReader reader, QueryGate gate, IOptions<InteropOptions> options)
{
    private static readonly HashSet<string> Known =
    [
        "resource_id", "id", "filters", "q", "fields", "sort", "limit", "offset", "include_total", "records_format",
        "distinct", "plain", "language", "full_text", "total_estimation_threshold",
    ];
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public async Task<CkanDatastoreResult> SearchAsync(CkanRequest r, CancellationToken ct)
    {
        r.RejectUnknown(Known, k => new CkanValidation(k, $"The input field {k} was not expected."));
        var id = (r.String("resource_id") ?? r.String("id"))?.Trim();
        if (string.IsNullOrEmpty(id)) throw new CkanValidation("resource_id", "Missing value");
        var o = options.Value;
        var limit = Math.Min(r.Int("limit", 0) ?? o.DatastoreLimitDefault, o.DatastoreLimitMax);
        var offset = r.Int("offset", 0) ?? 0;
        var includeTotal = r.Bool("include_total", true);
        if ((r.String("records_format") ?? "objects") != "objects")
            throw new CkanValidation("records_format", "Only \"objects\" is supported");

        var rid = int.TryParse(id, out var n) ? n : -1;
        var slug = await catalog.Datasets.Where(d => d.Resources.Any(x => x.Id == rid)).Select(d => d.Slug).FirstOrDefaultAsync(ct);
        var access = slug is null ? null : await data.OpenAsync(slug, rid, null, Anonymous, ct);
        if (access?.Table is not { } table) throw new CkanNotFound($"Resource \"{id}\" was not found.");

        var names = table.Columns.Select(c => c.Name).ToList();
        var fields = r.StringList("fields", commaSeparated: true) ?? names;
        if (fields.FirstOrDefault(f => !names.Contains(f)) is { } unknownField)
            throw new CkanValidation("fields", $"field \"{unknownField}\" not in table");
        var filters = Filters(r, names);
        var sort = Sort(r.String("sort"), names);
        var q = r.Raw("q");
        if (q is { ValueKind: JsonValueKind.Object } || (q?.ValueKind == JsonValueKind.String && q.Value.GetString()!.TrimStart().StartsWith('{')))
            foreach (var p in r.Object("q")!.Value.EnumerateObject())
            {
                if (!names.Contains(p.Name)) throw new CkanValidation("q", $"field \"{p.Name}\" not in table");
                filters.Add(new FieldFilter(p.Name, "contains", p.Value.ToString()));
            }
        var text = q?.ValueKind == JsonValueKind.String && !q.Value.GetString()!.TrimStart().StartsWith('{') ? q.Value.GetString()!.Trim() : "";

        var (rows, total) = await gate.RunAsync(() => text.Length > 0
            ? ScanAsync(table, filters, sort, text, offset, limit, includeTotal, ct)
            : PagesAsync(table, filters, sort, offset, limit, includeTotal, ct), ct);
        var types = table.Columns.ToDictionary(c => c.Name, c => CkanType(c.Type));
        var indexes = fields.Select(f => names.IndexOf(f)).ToArray();
        var records = rows.Select(row => new DataRow([.. fields], indexes.Select(i => row[names[i]]).ToArray())).ToList();
        var start = $"/api/3/action/datastore_search?resource_id={Uri.EscapeDataString(id)}";
        return new CkanDatastoreResult(id, fields.Select(f => new CkanDatastoreField(f, types[f])).ToList(), records, limit, offset,
            includeTotal, includeTotal ? total : null, false, "objects",
            new Dictionary<string, string> { ["start"] = start, ["next"] = $"{start}&offset={offset + limit}" });
    }

    /// <summary>The window [offset, offset+limit) read as pages of the preview's own query (at most 1,000 rows each).</summary>
    private async Task<(List<DataRow>, long?)> PagesAsync(ResourceTable t, List<FieldFilter> filters, List<FieldSort> sort,
        int offset, int limit, bool includeTotal, CancellationToken ct)
    {
        var rows = new List<DataRow>();
        long? total = null;
        if (limit == 0)
            return (rows, includeTotal ? (await data.RowsAsync(t, new RowQuery(filters, sort, 1, 1, true), ct)).Total : null);
        var size = Math.Min(RowQuery.MaxPageSize, limit);
        for (var page = offset / size + 1; rows.Count < limit; page++)
        {
            var got = await data.RowsAsync(t, new RowQuery(filters, sort, page, size, includeTotal && total is null), ct);
            total ??= got.Total;
            var skip = page == offset / size + 1 ? offset % size : 0;
            rows.AddRange(got.Rows.Skip(skip).Take(limit - rows.Count));
            if (got.Rows.Count < size) break;
        }
        return (rows, total);
    }

    /// <summary>
    /// A plain-text q matches any column, which the filter model (AND of column conditions) cannot say: the rows
    /// are streamed once through the reader, still under the gate, and the total counts every match.
    /// </summary>
    private async Task<(List<DataRow>, long?)> ScanAsync(ResourceTable t, List<FieldFilter> filters, List<FieldSort> sort, string text,
        int offset, int limit, bool includeTotal, CancellationToken ct)
    {
        var names = t.Columns.Select(c => c.Name).ToArray();
        var rows = new List<DataRow>();
        long matches = 0;
        await foreach (var values in reader.StreamAsync(t.TableName, t.Columns, filters, sort, ct))
        {
            if (!values.Any(v => v is not null && Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!
                    .Contains(text, StringComparison.OrdinalIgnoreCase))) continue;
            if (matches >= offset && rows.Count < limit) rows.Add(new DataRow(names, values));
            matches++;
            if (!includeTotal && rows.Count >= limit) break;
        }
        return (rows, includeTotal ? matches : null);
    }

    private static List<FieldFilter> Filters(CkanRequest r, List<string> names)
    {
        var list = new List<FieldFilter>();
        if (r.Object("filters") is not { } filters) return list;
        foreach (var p in filters.EnumerateObject())
        {
            if (!names.Contains(p.Name)) throw new CkanValidation("filters", $"field \"{p.Name}\" not in table");
            if (p.Value.ValueKind == JsonValueKind.Array)
            {
                var values = p.Value.EnumerateArray().Select(Scalar).ToList();
                if (values.Count == 0 || values.Any(v => v.Contains(',')))
                    throw new CkanValidation("filters", $"\"{p.Name}\": a list needs 1 to 100 values without commas");
                list.Add(new FieldFilter(p.Name, "in", string.Join(',', values)));
            }
            else list.Add(new FieldFilter(p.Name, "eq", Scalar(p.Value)));
        }
        return list;
    }

    private static string Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        _ => throw new CkanValidation("filters", "Filter values must be strings, numbers or lists of them"),
    };

    private static List<FieldSort> Sort(string? sort, List<string> names)
    {
        var list = new List<FieldSort>();
        foreach (var clause in (sort ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var field = parts[0].Trim('"');
            if (!names.Contains(field) || parts.Length > 2 || (parts.Length == 2 && parts[1].ToLowerInvariant() is not ("asc" or "desc")))
                throw new CkanValidation("sort", $"field \"{clause}\" not in table");
            list.Add(new FieldSort(field, parts.Length == 2 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase)));
        }
        return list;
    }

    public static string CkanType(FieldType t) => t switch
    {
        FieldType.Integer => "int", FieldType.Decimal => "numeric", FieldType.Date => "date",
        FieldType.DateTime => "timestamp", FieldType.Boolean => "bool", _ => "text",
    };
}
