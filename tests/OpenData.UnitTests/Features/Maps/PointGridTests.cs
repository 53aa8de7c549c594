using OpenData.Web.Features.Maps;

namespace OpenData.UnitTests.Features.Maps;

public class PointGridTests
{
    private static PointSet Grid(int n)
    {
        var r = new Random(7);
        var ids = Enumerable.Range(1, n).Select(i => (long)i).ToArray();
        return new PointSet(ids, ids.Select(_ => 119 + r.NextDouble()).ToArray(), ids.Select(_ => 28 + r.NextDouble()).ToArray(), 0, 0, 0);
    }

    [Fact]
    public void A_small_layer_is_served_point_by_point_with_its_row_ids()
    {
        var (marks, inView, clustered) = PointGrid.Select(Grid(50), Box.World, 2000, 8);
        Assert.False(clustered);
        Assert.Equal(50, inView);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), marks.Select(m => m.Id).Order());
    }

    [Fact]
    public void A_large_layer_is_thinned_into_counted_cells_that_keep_every_point()
    {
        var (marks, inView, clustered) = PointGrid.Select(Grid(100_000), Box.World, 2000, 8);
        Assert.True(clustered);
        Assert.Equal(100_000, inView);
        Assert.True(marks.Count <= 2000, $"{marks.Count} marks");
        Assert.Equal(100_000, marks.Sum(m => m.Count));
    }

    [Fact]
    public void Only_points_inside_the_view_are_counted()
    {
        var set = new PointSet([1, 2, 3], [119.1, 119.5, 120.9], [28.1, 28.5, 28.9], 0, 0, 0);
        var (marks, inView, _) = PointGrid.Select(set, new Box(119, 28, 119.6, 28.6), 10, null);
        Assert.Equal(2, inView);
        Assert.Equal([1L, 2L], marks.Select(m => m.Id).Order());
    }

    [Fact]
    public void Closer_zooms_make_smaller_cells()
    {
        var set = Grid(20_000);
        var far = PointGrid.Select(set, Box.World, 100, 7).Marks.Count;
        var near = PointGrid.Select(set, Box.World, 100, 11).Marks.Count;
        Assert.True(near > far, $"{near} vs {far}");
    }
}
