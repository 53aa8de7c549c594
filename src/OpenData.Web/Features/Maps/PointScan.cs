using System.Globalization;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Storage;

namespace OpenData.Web.Features.Maps;

/// <summary>
/// The drawable points of one served table, already in WGS-84, and what the scan had to leave out.
/// Row ids are the datastore's _id, so a point's other fields are read back only for the points a response shows.
/// </summary>
public sealed class PointSet(long[] ids, double[] lng, double[] lat, long outside, long invalid, long swapped)
{
    public long[] Ids { get; } = ids;
    public double[] Lng { get; } = lng;
    public double[] Lat { get; } = lat;
    public int Count => Ids.Length;
    /// <summary>Numbers outside China's extent (counted as swapped too when exchanging the axes puts them inside).</summary>
    public long Outside { get; } = outside;
    /// <summary>Empty or non-numeric cells in either column.</summary>
    public long Invalid { get; } = invalid;
    public long Swapped { get; } = swapped;
    /// <summary>Most rows fit China only with the axes exchanged: the provider is offered that fix.</summary>
    public bool SwapSuggested => Swapped > 0 && Swapped >= Count;
}

/// <summary>Reads the two coordinate columns of a datastore table in one pass (no other column is touched).</summary>
public sealed class PointScan(IDatastore store)
{
    public async Task<PointSet> ReadAsync(string table, IReadOnlyList<DatastoreColumn> columns, CoordinatePair pair,
        CoordinateSystem crs, CancellationToken ct)
    {
        var lngCol = columns.FirstOrDefault(c => c.Name == pair.Lng) ?? throw new InvalidOperationException($"no column {pair.Lng}");
        var latCol = columns.FirstOrDefault(c => c.Name == pair.Lat) ?? throw new InvalidOperationException($"no column {pair.Lat}");
        var ids = new List<long>();
        var xs = new List<double>();
        var ys = new List<double>();
        long outside = 0, invalid = 0, swapped = 0;
        await using var conn = await store.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT _id, {DatastoreTables.CheckColumn(lngCol.Column)}, {DatastoreTables.CheckColumn(latCol.Column)} " +
                          $"FROM {store.Dialect.Qualify(table)} ORDER BY _id";
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (!TryNumber(r.GetValue(1), out var x) || !TryNumber(r.GetValue(2), out var y)) { invalid++; continue; }
            if (!ChinaExtent.Contains(x, y))
            {
                outside++;
                if (ChinaExtent.Contains(y, x)) swapped++;
                continue;
            }
            var (wx, wy) = CoordinateConverter.Convert(x, y, crs, CoordinateSystem.Wgs84);
            ids.Add(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture));
            xs.Add(wx);
            ys.Add(wy);
        }
        return new PointSet([.. ids], [.. xs], [.. ys], outside, invalid, swapped);
    }

    /// <summary>Numbers as stored (REAL, numeric, integer) or as text that parses ("120.12", " 28.4 ", "120.12°").</summary>
    public static bool TryNumber(object? v, out double d)
    {
        switch (v)
        {
            case double x: d = x; return double.IsFinite(x);
            case decimal m: d = (double)m; return true;
            case long l: d = l; return true;
            case int i: d = i; return true;
            case float f: d = f; return float.IsFinite(f);
            case string s:
                var t = s.Trim().TrimEnd('°');
                return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out d) && double.IsFinite(d);
            default: d = 0; return false;
        }
    }
}
