using System.Text;
using OpenData.Web.Features.Maps;

namespace OpenData.UnitTests.Features.Maps;

public class GeoJsonDataTests
{
    private static GeoJsonParse Parse(string json) => GeoJsonData.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_feature_collection_is_read_with_each_features_box()
    {
        var p = Parse("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"甲"},"geometry":{"type":"Polygon","coordinates":[[[119,28],[120,28],[120,29],[119,28]]]}}]}""");
        Assert.True(p.Ok);
        Assert.Equal(new Box(119, 28, 120, 29), Assert.Single(p.Features).Bounds);
    }

    [Fact]
    public void A_bare_array_of_features_is_a_layer_too()
    {
        var p = Parse("""[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[119.9,28.4]}},{"type":"Feature","geometry":{"type":"Point","coordinates":[119.8,28.3]}}]""");
        Assert.Equal(2, p.Features.Count);
    }

    [Fact]
    public void Features_without_a_usable_geometry_are_skipped_and_counted_while_the_rest_shows()
    {
        var p = Parse("""[{"type":"Feature","geometry":{"type":"Point","coordinates":[119.9,28.4]}},{"type":"Feature","geometry":null},{"type":"Feature","geometry":{"type":"Point","coordinates":["a","b"]}}]""");
        Assert.True(p.Ok);
        Assert.Single(p.Features);
        Assert.Equal(2, p.Skipped);
    }

    [Theory]
    [InlineData("名称,经度\n甲,119")]
    [InlineData("""{"type":"Topology"}""")]
    [InlineData("[]")]
    public void What_is_not_GeoJSON_is_refused_with_a_message(string text)
    {
        var p = Parse(text);
        Assert.False(p.Ok);
        Assert.False(string.IsNullOrEmpty(p.Error));
    }

    [Fact]
    public void Tile_templates_are_checked_and_their_origin_admitted_with_a_subdomain_wildcard()
    {
        Assert.Null(BaseMap.UrlProblem("https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=abc"));
        Assert.NotNull(BaseMap.UrlProblem("javascript:alert(1)/{z}/{x}/{y}"));
        Assert.NotNull(BaseMap.UrlProblem("https://tiles.example/tile.png"));
        Assert.Equal("https://*.tianditu.gov.cn", TileOrigins.Of("https://t{s}.tianditu.gov.cn/vec_w/wmts?x={x}"));
        Assert.Equal("http://10.1.2.3:8080", TileOrigins.Of("http://10.1.2.3:8080/{z}/{x}/{y}.png"));
    }
}
