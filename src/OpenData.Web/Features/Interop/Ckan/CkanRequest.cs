using System.Globalization;
using System.Text.Json;

namespace OpenData.Web.Features.Interop.Ckan;

/// <summary>
/// The parameters of one action call, from the query string (GET) or a JSON object body (POST), as CKAN takes
/// them: a GET value is a string that may hold JSON (facet.field=["tags"]); a POST value is already typed.
/// </summary>
public sealed class CkanRequest(Dictionary<string, JsonElement> parameters)
{
    private readonly Dictionary<string, JsonElement> values = parameters;

    public IReadOnlyCollection<string> Keys => values.Keys;

    public static CkanRequest FromQuery(IQueryCollection query) => new(query.ToDictionary(
        q => q.Key, q => JsonSerializer.SerializeToElement(q.Value.ToString()), StringComparer.Ordinal));

    /// <summary>Null when the body is not a JSON object (CKAN: 400 "JSON Error").</summary>
    public static async Task<CkanRequest?> FromBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength == 0) return FromQuery(request.Query);
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return null;
            var values = FromQuery(request.Query).values;
            foreach (var p in doc.RootElement.EnumerateObject()) values[p.Name] = p.Value.Clone();
            return new CkanRequest(values);
        }
        catch (JsonException) { return null; }
    }

    public bool Has(string key) => values.ContainsKey(key);

    public void RejectUnknown(IReadOnlySet<string> known, Func<string, CkanException> error)
    {
        var unknown = values.Keys.Where(k => !known.Contains(k) && k != "callback" && k != "_").ToList();
        if (unknown.Count > 0) throw error(string.Join(", ", unknown));
    }

    public string? String(string key)
    {
        if (!values.TryGetValue(key, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw new CkanValidation(key, "Must be a string"),
        };
    }

    public int? Int(string key, int? min = null)
    {
        var s = String(key);
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (!int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            throw new CkanValidation(key, "Invalid integer");
        if (min is { } m && n < m) throw new CkanValidation(key, m == 0 ? "Must be a natural number" : "Must be a postive integer");
        return n;
    }

    public bool Bool(string key, bool fallback)
    {
        var s = String(key)?.Trim().ToLowerInvariant();
        return s switch
        {
            null or "" => fallback,
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw new CkanValidation(key, "Value must be one of: true, false"),
        };
    }

    /// <summary>A JSON list of strings, given as a list (POST) or as the JSON text of one (GET).</summary>
    public List<string>? StringList(string key, bool commaSeparated = false)
    {
        if (!values.TryGetValue(key, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.String)
        {
            var s = v.GetString()!.Trim();
            if (!s.StartsWith('['))
                return commaSeparated ? s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList()
                    : throw new CkanValidation(key, "Must be a JSON list of strings");
            try { v = JsonDocument.Parse(s).RootElement.Clone(); }
            catch (JsonException) { throw new CkanValidation(key, "Must be a JSON list of strings"); }
        }
        if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
            throw new CkanValidation(key, "Must be a JSON list of strings");
        return v.EnumerateArray().Select(x => x.GetString()!).ToList();
    }

    /// <summary>A JSON object, given as one (POST) or as its JSON text (GET); null when absent.</summary>
    public JsonElement? Object(string key)
    {
        if (!values.TryGetValue(key, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.String)
        {
            try { v = JsonDocument.Parse(v.GetString()!).RootElement.Clone(); }
            catch (JsonException) { throw new CkanValidation(key, "Cannot parse JSON"); }
        }
        return v.ValueKind == JsonValueKind.Object ? v : throw new CkanValidation(key, "Not a json object");
    }

    public JsonElement? Raw(string key) => values.TryGetValue(key, out var v) ? v : null;
}
