using OpenData.Web.Features.Maps;

namespace OpenData.UnitTests.Features.Maps;

/// <summary>
/// Reference points published in the README of wandergis/coordtransform (the implementation most Chinese web maps
/// copy), all for the input (116.404, 39.915) near Tiananmen.
/// </summary>
public class CoordinateConverterTests
{
    private const double X = 116.404, Y = 39.915;

    [Fact]
    public void Wgs84_to_gcj02_matches_the_published_reference_point()
    {
        var (lng, lat) = CoordinateConverter.Convert(X, Y, CoordinateSystem.Wgs84, CoordinateSystem.Gcj02);
        Assert.Equal(116.41024449916938, lng, 1e-9);
        Assert.Equal(39.91640428150164, lat, 1e-9);
    }

    [Fact]
    public void Gcj02_to_bd09_and_back_match_the_published_reference_points()
    {
        var (bx, by) = CoordinateConverter.Convert(X, Y, CoordinateSystem.Gcj02, CoordinateSystem.Bd09);
        Assert.Equal(116.41036949371029, bx, 1e-9);
        Assert.Equal(39.92133699351021, by, 1e-9);
        var (gx, gy) = CoordinateConverter.Convert(X, Y, CoordinateSystem.Bd09, CoordinateSystem.Gcj02);
        Assert.Equal(116.39762729119315, gx, 1e-9);
        Assert.Equal(39.90865673957631, gy, 1e-9);
    }

    [Fact]
    public void Wgs84_to_bd09_chains_through_gcj02_as_published()
    {
        var (lng, lat) = CoordinateConverter.Convert(X, Y, CoordinateSystem.Wgs84, CoordinateSystem.Bd09);
        Assert.Equal(116.41662724378733, lng, 1e-9);
        Assert.Equal(39.922699552216216, lat, 1e-9);
    }

    [Fact]
    public void Gcj02_to_wgs84_inverts_the_forward_offset_to_under_a_centimetre_where_the_one_step_formula_is_metres_off()
    {
        var (lng, lat) = CoordinateConverter.Convert(X, Y, CoordinateSystem.Gcj02, CoordinateSystem.Wgs84);
        // The published one-step value (116.39775550083061, 39.91359571849836) is within about 2 m of the true inverse…
        Assert.Equal(116.39775550083061, lng, 3e-5);
        Assert.Equal(39.91359571849836, lat, 3e-5);
        // …and the iterated inverse maps forward onto the input again (1e-7° is about a centimetre).
        var (fx, fy) = CoordinateConverter.Wgs84ToGcj02(lng, lat);
        Assert.Equal(X, fx, 1e-7);
        Assert.Equal(Y, fy, 1e-7);
    }

    [Theory]
    [InlineData(CoordinateSystem.Wgs84, CoordinateSystem.Bd09)]
    [InlineData(CoordinateSystem.Bd09, CoordinateSystem.Gcj02)]
    [InlineData(CoordinateSystem.Gcj02, CoordinateSystem.Wgs84)]
    public void A_round_trip_through_any_two_systems_in_Lishui_returns_the_point(CoordinateSystem from, CoordinateSystem to)
    {
        var (x, y) = CoordinateConverter.Convert(119.922293, 28.451103, from, to);
        Assert.NotEqual(119.922293, x); // the systems really differ here
        var (bx, by) = CoordinateConverter.Convert(x, y, to, from);
        Assert.Equal(119.922293, bx, 1e-6);
        Assert.Equal(28.451103, by, 1e-6);
    }

    [Fact]
    public void Points_outside_China_are_not_shifted_to_gcj02()
    {
        Assert.Equal((-0.1246, 51.5007), CoordinateConverter.Convert(-0.1246, 51.5007, CoordinateSystem.Wgs84, CoordinateSystem.Gcj02));
    }

    [Theory]
    [InlineData("WGS-84", CoordinateSystem.Wgs84)]
    [InlineData("cgcs2000", CoordinateSystem.Wgs84)]
    [InlineData("GCJ-02", CoordinateSystem.Gcj02)]
    [InlineData("bd09", CoordinateSystem.Bd09)]
    [InlineData(null, CoordinateSystem.Wgs84)]
    public void System_names_are_read_in_their_usual_spellings(string? text, CoordinateSystem expected) =>
        Assert.Equal(expected, CoordinateSystems.Parse(text));

    [Fact]
    public void An_unknown_system_is_refused() => Assert.Null(CoordinateSystems.Parse("EPSG:3857"));
}
