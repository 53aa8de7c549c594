using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using OpenData.Web.Infrastructure.Text;

namespace OpenData.Web.Features.DeveloperCenter;

public sealed record ManualHeading(int Level, string Text, string Id);

public sealed record ManualPage(string Key, string Title, string Summary, string Html, IReadOnlyList<ManualHeading> Headings, string Markdown);

public sealed record ManualHit(ManualPage Page, ManualHeading? Section, string Before, string Match, string After);

/// <summary>
/// 开发手册: Markdown pages kept in the repository (Features/DeveloperCenter/Manual, embedded in the assembly),
/// rendered once by SafeMarkdown. A line "@sample sign.py" includes a file of Manual/samples as a code block: the
/// same files the tests execute, so the manual's code is known to run.
/// </summary>
public sealed partial class ManualLibrary
{
    /// <summary>The pages in reading order: URL key, file.</summary>
    private static readonly (string Key, string File)[] Order =
        [("intro", "intro.md"), ("getting-started", "getting-started.md"), ("access-guide", "access-guide.md"), ("review", "review.md"), ("faq", "faq.md")];

    private readonly Lazy<List<ManualPage>> _pages;

    public ManualLibrary(SafeMarkdown markdown) => _pages = new(() => Order.Select(p => Load(p.Key, p.File, markdown)).ToList());

    public IReadOnlyList<ManualPage> Pages => _pages.Value;
    private List<ManualPage> List => _pages.Value;

    public ManualPage? Find(string? key) => Pages.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));

    public ManualPage? Previous(ManualPage page) => List.IndexOf(page) is > 0 and var i ? Pages[i - 1] : null;

    public ManualPage? Next(ManualPage page) => List.IndexOf(page) is var i && i >= 0 && i < Pages.Count - 1 ? Pages[i + 1] : null;

    /// <summary>The manual's source files, for the tests that run its samples.</summary>
    public static string ReadResource(string relativePath)
    {
        var wanted = "OpenData.Web.Manual." + relativePath;
        var assembly = typeof(ManualLibrary).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.Replace('\\', '/') == wanted)
            ?? throw new FileNotFoundException($"Manual resource {wanted} is not embedded.");
        using var s = assembly.GetManifestResourceStream(name)!;
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd();
    }

    /// <summary>Sections (by heading) whose plain text contains every word of the query, case-insensitive.</summary>
    public IReadOnlyList<ManualHit> Search(string query, SafeMarkdown markdown)
    {
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0) return [];
        var hits = new List<ManualHit>();
        foreach (var page in Pages)
            foreach (var (heading, text) in Sections(page, markdown))
            {
                if (!words.All(w => text.Contains(w, StringComparison.OrdinalIgnoreCase))) continue;
                var at = text.IndexOf(words[0], StringComparison.OrdinalIgnoreCase);
                var start = Math.Max(0, at - 40);
                var end = Math.Min(text.Length, at + words[0].Length + 80);
                hits.Add(new ManualHit(page, heading, (start > 0 ? "…" : "") + text[start..at], text.Substring(at, words[0].Length),
                    text[(at + words[0].Length)..end] + (end < text.Length ? "…" : "")));
            }
        return hits;
    }

    private static IEnumerable<(ManualHeading? Heading, string Text)> Sections(ManualPage page, SafeMarkdown markdown)
    {
        ManualHeading? current = null;
        var sb = new StringBuilder();
        foreach (var line in page.Markdown.Split('\n'))
        {
            if (HeadingRegex().Match(line) is { Success: true } m && m.Groups[1].Value.Length >= 2)
            {
                yield return (current, Flatten(sb.ToString(), markdown));
                sb.Clear();
                current = page.Headings.FirstOrDefault(h => h.Id == m.Groups[3].Value);
            }
            sb.AppendLine(line);
        }
        yield return (current, Flatten(sb.ToString(), markdown));
    }

    private static string Flatten(string md, SafeMarkdown markdown) => WhitespaceRegex().Replace(markdown.ToPlainText(md), " ");

    private static ManualPage Load(string key, string file, SafeMarkdown markdown)
    {
        var source = ReadResource(file).Replace("\r\n", "\n");
        var md = SampleRegex().Replace(source, m => Fence(m.Groups[1].Value));
        var lines = md.Split('\n');
        var title = lines.First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();
        var summary = lines.SkipWhile(l => !l.StartsWith("# ", StringComparison.Ordinal)).Skip(1).FirstOrDefault(l => l.Trim().Length > 0 && !l.StartsWith('#'))?.Trim() ?? "";
        var headings = lines.Select(l => HeadingRegex().Match(l)).Where(m => m.Success && m.Groups[1].Value.Length is 2 or 3)
            .Select(m => new ManualHeading(m.Groups[1].Value.Length, m.Groups[2].Value.Trim(), m.Groups[3].Value)).ToList();
        // A visible anchor link after each heading, so a section can be linked to; the ids come from the Markdown ({#id}).
        var html = HeadingHtmlRegex().Replace(markdown.ToHtml(md), m =>
            $"<h{m.Groups[1].Value} id=\"{m.Groups[2].Value}\">{m.Groups[3].Value}<a class=\"anchor\" href=\"#{m.Groups[2].Value}\" aria-label=\"本节链接\">#</a></h{m.Groups[1].Value}>");
        return new ManualPage(key, title, markdown.ToPlainText(summary), html, headings, md);
    }

    private static string Fence(string sampleFile)
    {
        var lang = Path.GetExtension(sampleFile) switch
        {
            ".cs" => "csharp", ".py" => "python", ".java" => "java", ".mjs" => "javascript", ".sh" => "bash", _ => "",
        };
        var code = ReadResource("samples/" + sampleFile).Replace("\r\n", "\n").TrimEnd('\n');
        return $"```{lang}\n{code}\n```";
    }

    [GeneratedRegex(@"^@sample ([A-Za-z0-9_.-]+)\s*$", RegexOptions.Multiline)] private static partial Regex SampleRegex();
    [GeneratedRegex(@"^(#{1,6}) (.+?) \{#([a-z0-9-]+)\}\s*$")] private static partial Regex HeadingRegex();
    [GeneratedRegex(@"<h([23]) id=""([a-z0-9-]+)"">(.*?)</h\1>", RegexOptions.Singleline)] private static partial Regex HeadingHtmlRegex();
    [GeneratedRegex(@"\s+")] private static partial Regex WhitespaceRegex();
}
