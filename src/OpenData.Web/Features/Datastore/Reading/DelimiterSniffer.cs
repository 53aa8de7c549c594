namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// Chooses among , ; tab | by counting each candidate per line (outside quotes) in the first lines:
/// the delimiter whose most common count is the same on the most lines wins; title rows above the
/// header only lower the score a little, so they do not fool it.
/// </summary>
public static class DelimiterSniffer
{
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    public static char Sniff(string sample, int maxLines = 30)
    {
        var counts = Candidates.ToDictionary(c => c, _ => new List<int>());
        var current = Candidates.ToDictionary(c => c, _ => 0);
        var inQuotes = false;
        var lines = 0;
        foreach (var ch in sample)
        {
            if (ch == '"') { inQuotes = !inQuotes; continue; }
            if (inQuotes) continue;
            if (ch == '\n')
            {
                foreach (var c in Candidates) { counts[c].Add(current[c]); current[c] = 0; }
                if (++lines >= maxLines) break;
            }
            else if (current.ContainsKey(ch)) current[ch]++;
        }
        if (lines < maxLines && current.Values.Any(v => v > 0))
            foreach (var c in Candidates) counts[c].Add(current[c]);

        var best = ',';
        (int Lines, int Count) bestScore = (0, 0);
        foreach (var c in Candidates)
        {
            var nonZero = counts[c].Where(v => v > 0).ToList();
            if (nonZero.Count == 0) continue;
            var mode = nonZero.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First();
            var score = (mode.Count(), mode.Key);
            if (score.CompareTo(bestScore) > 0) { best = c; bestScore = score; }
        }
        return best;
    }

    public static string Describe(char d) => d switch { '\t' => "制表符", ';' => "分号", '|' => "竖线", _ => "逗号" };
}
