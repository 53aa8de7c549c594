using OpenData.Web.Features.Datasets;

namespace OpenData.UnitTests.Features.Datasets;

public sealed class ChineseSegmenterTests
{
    private static readonly ChineseSegmenter Segmenter = new();

    [Theory]
    [InlineData("自来水监测点", "监测点")]
    [InlineData("丽水市空气质量日报", "空气")]
    [InlineData("中小学学区划分", "学区")]
    [InlineData("星级饭店名录", "饭店")]
    public void A_query_word_matches_the_indexed_text_that_contains_it(string text, string query)
    {
        var indexed = Segmenter.IndexText(text).Split(' ');
        var term = Assert.Single(Segmenter.Query(query));
        // The query's bigrams appear in the index as a contiguous phrase, whatever the segmenter chose for the words.
        Assert.True(ContainsPhrase(indexed, term.Bigrams) || ContainsPhrase(indexed, term.Words),
            $"index [{string.Join('|', indexed)}] lacks [{string.Join('|', term.Words)}] and [{string.Join('|', term.Bigrams)}]");
    }

    [Fact]
    public void Documents_and_queries_are_segmented_the_same_way()
    {
        var words = Segmenter.Words("自来水监测点");
        Assert.Equal(words, Segmenter.Query("自来水监测点")[0].Words);
        Assert.True(words.Count >= 2, "SmartCn splits the compound");
        Assert.Equal("自来水监测点", string.Concat(words));
    }

    [Fact]
    public void Latin_and_digits_are_lowercased_tokens_and_punctuation_is_dropped()
    {
        var words = Segmenter.Words("PM2.5 浓度（μg/m³）");
        Assert.Contains("pm", words);
        Assert.All(words, w => Assert.True(w.All(char.IsLetterOrDigit), w));
        Assert.Empty(Segmenter.Query("（）、，"));
    }

    [Fact]
    public void A_single_character_query_becomes_a_prefix_term()
    {
        var term = Assert.Single(Segmenter.Query("水"));
        Assert.Equal("水", term.SingleChar);
        Assert.Empty(term.Bigrams);
    }

    private static bool ContainsPhrase(string[] tokens, IReadOnlyList<string> phrase)
    {
        if (phrase.Count == 0) return false;
        for (var i = 0; i + phrase.Count <= tokens.Length; i++)
            if (phrase.Select((p, k) => tokens[i + k] == p).All(x => x)) return true;
        return false;
    }
}
