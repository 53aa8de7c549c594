using System.Text.Json;
using OpenData.Web.Features.Datastore.Querying;

namespace OpenData.UnitTests.Features.Datastore;

public class DataRowJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_row_is_written_byte_for_byte_as_the_dictionary_of_the_same_values_was()
    {
        string[] names = ["编号", "名称 \"引号\" <b>", "数值", "人数", "是否", "日期", "时间", "空", "小数", "比例", "count"];
        object?[] values = [42L, "丽水市莲都区\n第二行", 668.10m, 7, true, "2020-01-05", new DateTime(2020, 1, 5, 8, 30, 0), null, -0.001m, 0.25d, long.MinValue];
        var row = new DataRow(names, values);
        var dictionary = names.Zip(values).ToDictionary(p => p.First, p => p.Second);

        Assert.Equal(JsonSerializer.Serialize<IReadOnlyDictionary<string, object?>>(dictionary, Web), JsonSerializer.Serialize(row, Web));
        Assert.Equal(JsonSerializer.Serialize(new[] { dictionary, dictionary }, Web), JsonSerializer.Serialize(new[] { row, row }, Web));
    }

    [Fact]
    public void A_row_reads_like_a_dictionary()
    {
        var row = new DataRow(["a", "b"], [1L, null]);
        Assert.Equal(1L, row["a"]);
        Assert.True(row.TryGetValue("b", out var b));
        Assert.Null(b);
        Assert.False(row.ContainsKey("c"));
        Assert.Throws<KeyNotFoundException>(() => row["c"]);
        Assert.Equal(["a", "b"], row.Select(p => p.Key));
    }
}
