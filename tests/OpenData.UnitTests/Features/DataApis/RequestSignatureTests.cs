using System.Text;
using OpenData.Web.Features.DataApis.Signing;

namespace OpenData.UnitTests.Features.DataApis;

public class RequestSignatureTests
{
    private const string Secret = "Y2hhbmdlLW1lLXRoaXMtaXMtYS0zMi1ieXRlLXNlY3JldCE";

    private static SignedRequestParts VectorParts() => new(
        "POST", "data.example.gov.cn", Canonical.Path("/api/v1/datasets/ds_001/query")!, Canonical.Query("?pageSize=20&page=1"),
        "204512345678", "1767225600000", "9f1c2d3e4a5b6c7d8e9fa0b1c2d3e4f5",
        RequestSignature.BodySha256(Encoding.UTF8.GetBytes("""{"filters":[{"field":"region","op":"eq","value":"杭州"}]}""")));

    [Fact]
    public void The_specs_test_vector_signs_to_the_published_signature()
    {
        var parts = VectorParts();
        Assert.Equal("4702696e8351797a584690d2b0607926eb6c767c170dcc47f708c5160adbabff", parts.ContentSha256);
        Assert.Equal("ODP1-HMAC-SHA256\nPOST\ndata.example.gov.cn\n/api/v1/datasets/ds_001/query\npage=1&pageSize=20\n204512345678\n1767225600000\n9f1c2d3e4a5b6c7d8e9fa0b1c2d3e4f5\n4702696e8351797a584690d2b0607926eb6c767c170dcc47f708c5160adbabff",
            RequestSignature.StringToSign(parts));
        Assert.Equal("/VOqcDraO+ATqSq6FqQrrWdxUjU8Ca0TikH0/busDsE=", RequestSignature.Sign(Secret, parts));
        Assert.True(RequestSignature.Matches(Secret, parts, "/VOqcDraO+ATqSq6FqQrrWdxUjU8Ca0TikH0/busDsE="));
    }

    [Fact]
    public void A_body_changed_by_one_byte_no_longer_matches()
    {
        var parts = VectorParts() with
        {
            ContentSha256 = RequestSignature.BodySha256(Encoding.UTF8.GetBytes("""{"filters":[{"field":"region","op":"eq","value":"杭洲"}]}""")),
        };
        Assert.False(RequestSignature.Matches(Secret, parts, "/VOqcDraO+ATqSq6FqQrrWdxUjU8Ca0TikH0/busDsE="));
    }

    [Theory]
    [InlineData("a=1&b=2", "b=2&a=1")]
    [InlineData("q=%E7%A9%BA%E6%B0%94", "q=空气")]
    [InlineData("x=a%20b", "x=a%20b")]
    public void Equivalent_queries_canonicalize_the_same(string a, string b) => Assert.Equal(Canonical.Query(a), Canonical.Query(b));

    [Fact]
    public void Plus_is_not_a_space() => Assert.NotEqual(Canonical.Query("x=a+b"), Canonical.Query("x=a%20b"));

    [Fact]
    public void A_name_without_value_signs_as_name_equals() => Assert.Equal("flag=&z=1", Canonical.Query("z=1&flag"));

    [Theory]
    [InlineData("/api/v1/../secret")]
    [InlineData("/api//v1")]
    [InlineData("/api/./v1")]
    public void Dot_segments_and_double_slashes_are_rejected(string path) => Assert.Null(Canonical.Path(path));

    [Fact]
    public void Chinese_path_segments_are_percent_encoded_upper_case() =>
        Assert.Equal("/api/v1/data/%E7%A9%BA", Canonical.Path("/api/v1/data/空"));
}
