namespace OpenData.Web.Features.Maps;

/// <summary>A bounding box in WGS-84 degrees.</summary>
public readonly record struct Box(double MinLng, double MinLat, double MaxLng, double MaxLat)
{
    public static readonly Box World = new(-180, -90, 180, 90);
    public bool Contains(double lng, double lat) => lng >= MinLng && lng <= MaxLng && lat >= MinLat && lat <= MaxLat;
    public bool Intersects(Box o) => o.MinLng <= MaxLng && o.MaxLng >= MinLng && o.MinLat <= MaxLat && o.MaxLat >= MinLat;
}

/// <summary>One drawn mark: a single row (Id) or a cluster of Count rows at their mean position.</summary>
public readonly record struct Mark(double Lng, double Lat, long Id, int Count);

/// <summary>
/// Thins a large layer on the server: the points inside the view, and when there are more than the limit,
/// one mark per grid cell (sized from the zoom, about 60 screen pixels) carrying its count. A 100,000-point
/// layer thus answers with a few hundred marks at a city zoom, and with the rows themselves close up.
/// </summary>
public static class PointGrid
{
    public static (List<Mark> Marks, int InView, bool Clustered) Select(PointSet set, Box view, int limit, int? zoom)
    {
        var inView = new List<int>();
        for (var i = 0; i < set.Count; i++)
            if (view.Contains(set.Lng[i], set.Lat[i])) inView.Add(i);
        if (inView.Count <= limit)
            return (inView.Select(i => new Mark(set.Lng[i], set.Lat[i], set.Ids[i], 1)).ToList(), inView.Count, false);
        // 256-pixel tiles: 360° / 2^zoom per tile; without a zoom, about 48 cells across the view.
        var cell = zoom is { } z ? 360.0 / Math.Pow(2, Math.Clamp(z, 0, 22)) / 256 * 60 : Math.Max(view.MaxLng - view.MinLng, 1e-6) / 48;
        var cells = new Dictionary<(long, long), (double SumLng, double SumLat, int Count, int First)>();
        foreach (var i in inView)
        {
            var key = ((long)Math.Floor(set.Lng[i] / cell), (long)Math.Floor(set.Lat[i] / cell));
            cells[key] = cells.TryGetValue(key, out var c) ? (c.SumLng + set.Lng[i], c.SumLat + set.Lat[i], c.Count + 1, c.First) : (set.Lng[i], set.Lat[i], 1, i);
        }
        var marks = cells.Values.Select(c => c.Count == 1
            ? new Mark(set.Lng[c.First], set.Lat[c.First], set.Ids[c.First], 1)
            : new Mark(c.SumLng / c.Count, c.SumLat / c.Count, 0, c.Count)).ToList();
        return (marks, inView.Count, true);
    }
}
