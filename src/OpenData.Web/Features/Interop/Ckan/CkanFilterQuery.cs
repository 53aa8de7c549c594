using System.Globalization;

namespace OpenData.Web.Features.Interop.Ckan;

/// <summary>One row of the in-memory search index: what fq, facets and sort look at.</summary>
public sealed record CkanIndexRow(
    int Id, string Name, string Title, int OrgId, string OrgCode, string OrgName, int DomainId, string DomainName,
    IReadOnlyList<string> Tags, IReadOnlyList<string> Formats, string? County, DateTimeOffset Created, DateTimeOffset Modified);

/// <summary>
/// The subset of Solr's fq syntax that CKAN clients and harvesters send: clauses "field:value",
/// "field:\"quoted value\"", "field:(a OR b)", "field:[from TO to]" (dates, * open), each optionally prefixed by
/// + or -, joined by spaces or AND. Anything else is a malformed query: CKAN's 409 "Search Error".
/// </summary>
public static class CkanFilterQuery
{
    private static readonly string[] Fields =
        ["organization", "owner_org", "groups", "tags", "res_format", "name", "id", "license_id", "county",
         "dataset_type", "type", "state", "capacity", "metadata_modified", "metadata_created"];

    public static Func<CkanIndexRow, bool> Parse(string fq)
    {
        var clauses = new List<Func<CkanIndexRow, bool>>();
        var i = 0;
        while (true)
        {
            while (i < fq.Length && char.IsWhiteSpace(fq[i])) i++;
            if (i >= fq.Length) break;
            if (fq.AsSpan(i).StartsWith("AND ", StringComparison.Ordinal)) { i += 4; continue; }
            var negate = fq[i] == '-';
            if (fq[i] is '-' or '+') i++;
            var colon = fq.IndexOf(':', i);
            if (colon <= i) throw Bad(fq);
            var field = fq[i..colon];
            if (!Fields.Contains(field)) throw new CkanSearchError($"undefined field {field}");
            i = colon + 1;
            var clause = Value(fq, ref i, field);
            clauses.Add(negate ? r => !clause(r) : clause);
        }
        return r => clauses.All(c => c(r));
    }

    private static Func<CkanIndexRow, bool> Value(string fq, ref int i, string field)
    {
        if (i >= fq.Length) throw Bad(fq);
        if (fq[i] == '[')
        {
            var end = fq.IndexOf(']', i);
            if (end < 0) throw Bad(fq);
            var parts = fq[(i + 1)..end].Split(" TO ", StringSplitOptions.TrimEntries);
            i = end + 1;
            if (parts.Length != 2 || field is not ("metadata_modified" or "metadata_created")) throw Bad(fq);
            var from = Date(parts[0], fq);
            var to = Date(parts[1], fq);
            return r =>
            {
                var t = field == "metadata_modified" ? r.Modified : r.Created;
                return (from is null || t >= from) && (to is null || t <= to);
            };
        }
        List<string> values;
        if (fq[i] == '(')
        {
            var end = fq.IndexOf(')', i);
            if (end < 0) throw Bad(fq);
            values = fq[(i + 1)..end].Split(" OR ", StringSplitOptions.TrimEntries).Select(v => Unquote(v, fq)).ToList();
            i = end + 1;
        }
        else if (fq[i] == '"')
        {
            var end = fq.IndexOf('"', i + 1);
            if (end < 0) throw Bad(fq);
            values = [fq[(i + 1)..end]];
            i = end + 1;
        }
        else
        {
            var start = i;
            while (i < fq.Length && !char.IsWhiteSpace(fq[i])) i++;
            var raw = fq[start..i];
            if (raw.IndexOfAny(['"', '(', ')', '[', ']', '{', '}', ':']) >= 0) throw Bad(fq);
            values = [raw];
        }
        if (values.Any(v => v.Length == 0)) throw Bad(fq);
        return r => values.Any(v => v == "*" || Matches(r, field, v));
    }

    private static bool Matches(CkanIndexRow r, string field, string v) => field switch
    {
        "organization" => r.OrgCode == v,
        "owner_org" => r.OrgCode == v || r.OrgId.ToString(CultureInfo.InvariantCulture) == v,
        "groups" => CkanDicts.DomainId(v) == r.DomainId,
        "tags" => r.Tags.Contains(v),
        "res_format" => r.Formats.Contains(v, StringComparer.OrdinalIgnoreCase),
        "name" => r.Name == v,
        "id" => r.Id.ToString(CultureInfo.InvariantCulture) == v,
        "license_id" => v == CkanDicts.LicenseId,
        "county" => r.County == v,
        "dataset_type" or "type" => v == "dataset",
        "state" => v == "active",
        "capacity" => v == "public",
        _ => false,
    };

    private static string Unquote(string v, string fq) =>
        v.Length >= 2 && v[0] == '"' && v[^1] == '"' ? v[1..^1] : v.IndexOfAny(['"', '(', ')', ':']) >= 0 ? throw Bad(fq) : v;

    private static DateTimeOffset? Date(string s, string fq)
    {
        if (s == "*") return null;
        s = s.Replace("NOW", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : throw Bad(fq);
    }

    private static CkanSearchError Bad(string fq) => new($"org.apache.solr.search.SyntaxError: Cannot parse '{fq}'");
}
