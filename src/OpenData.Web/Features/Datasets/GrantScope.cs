namespace OpenData.Web.Features.Datasets;

/// <summary>
/// What a 受限数据 grant in force lets its holder read: every field (<see cref="All"/>) or only the named ones.
/// Routes that serve rows narrow the table's columns to it, so an ungranted column never leaves the platform.
/// </summary>
public sealed class GrantScope
{
    public static readonly GrantScope All = new(null);

    private GrantScope(IReadOnlySet<string>? fields) => Fields = fields;

    /// <summary>Null: every field.</summary>
    public IReadOnlySet<string>? Fields { get; }
    public bool IsAll => Fields is null;
    public bool Covers(string field) => Fields is null || Fields.Contains(field);

    public static GrantScope Only(IEnumerable<string> fields) => new(fields.ToHashSet(StringComparer.Ordinal));

    /// <summary>Several grants in force for the same dataset: their fields together (any whole-dataset grant wins).</summary>
    public static GrantScope Union(IEnumerable<GrantScope> scopes)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in scopes)
        {
            if (s.Fields is null) return All;
            set.UnionWith(s.Fields);
        }
        return new(set);
    }
}

public static class GrantScopeSamples
{
    /// <summary>The dataset page's sample rows with the granted columns only.</summary>
    public static SampleDto Within(this SampleDto s, GrantScope scope)
    {
        if (scope.IsAll) return s;
        var keep = s.Columns.Select((c, i) => (c, i)).Where(x => scope.Covers(x.c)).Select(x => x.i).ToList();
        return s with
        {
            Columns = keep.Select(i => s.Columns[i]).ToList(),
            Rows = s.Rows.Select(r => (IReadOnlyList<string>)keep.Where(i => i < r.Count).Select(i => r[i]).ToList()).ToList(),
        };
    }
}
