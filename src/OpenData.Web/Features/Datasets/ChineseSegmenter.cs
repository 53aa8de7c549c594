using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace OpenData.Web.Features.Datasets;

/// <summary>One search term of a query: its SmartCn words and the CJK bigrams of the same text.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, IReadOnlyList<string> Bigrams, string? SingleChar);

/// <summary>
/// Chinese word segmentation with Lucene's SmartCn (HMM over a bundled dictionary). Documents and queries go
/// through the same code, so a query matches the tokens its text produced at index time. CJK bigrams are
/// indexed as well, so a word matches inside longer words whatever the segmenter chose (ADR 0020).
/// </summary>
public sealed class ChineseSegmenter : IDisposable
{
    private readonly Analyzer _analyzer = new SmartChineseAnalyzer(LuceneVersion.LUCENE_48);

    /// <summary>SmartCn words, lowercased, letters and digits only.</summary>
    public List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return words;
        using var stream = _analyzer.GetTokenStream("f", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            foreach (var part in Clean(term.ToString()))
                words.Add(part);
        stream.End();
        return words;
    }

    /// <summary>The indexed form of a text: its words, then the bigrams of each CJK run, space-joined.</summary>
    public string IndexText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var sb = new StringBuilder(string.Join(' ', Words(text)));
        foreach (var run in CjkRuns(text))
            foreach (var bigram in Bigrams(run))
                sb.Append(' ').Append(bigram);
        return sb.ToString();
    }

    /// <summary>Splits a query on white space; each part becomes a term that must match.</summary>
    public List<SearchTerm> Query(string? q)
    {
        var terms = new List<SearchTerm>();
        if (string.IsNullOrWhiteSpace(q)) return terms;
        if (q.Length > 100) q = q[..100]; // a search box, not a document
        foreach (var part in q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(8))
        {
            var words = Words(part);
            var bigrams = CjkRuns(part).SelectMany(Bigrams).ToList();
            var runs = CjkRuns(part).ToList();
            var single = runs.Count == 1 && runs[0].Length == 1 && words.Count <= 1 ? runs[0] : null;
            if (words.Count > 0 || bigrams.Count > 0)
                terms.Add(new SearchTerm(words, bigrams, single));
        }
        return terms;
    }

    private static IEnumerable<string> Clean(string token)
    {
        var sb = new StringBuilder();
        foreach (var c in token)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0) { yield return sb.ToString(); sb.Clear(); }
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    private static IEnumerable<string> CjkRuns(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var cjk = i < text.Length && IsCjk(text[i]);
            if (cjk && start < 0) start = i;
            else if (!cjk && start >= 0) { yield return text[start..i]; start = -1; }
        }
    }

    private static IEnumerable<string> Bigrams(string run)
    {
        for (var i = 0; i + 1 < run.Length; i++)
            yield return run.Substring(i, 2);
    }

    public void Dispose() => _analyzer.Dispose();
}
