using Ganss.Xss;
using Markdig;

namespace OpenData.Web.Infrastructure.Text;

/// <summary>
/// The one way user- or provider-written Markdown (inline HTML allowed) becomes HTML: Markdig renders it, HtmlSanitizer keeps only
/// an allow-list (no script, no event attributes, no iframes, no javascript: or data: links), and every link
/// leaving the site opens with rel="noopener noreferrer nofollow". Thread-safe; register as a singleton or use <see cref="Shared"/>.
/// </summary>
public sealed class SafeMarkdown
{
    public static SafeMarkdown Shared { get; } = new();

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>Markdown to sanitized HTML, safe to emit as a MarkupString.</summary>
    public string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));

    /// <summary>Sanitizes HTML that did not come from <see cref="ToHtml"/> (an imported or pasted fragment).</summary>
    public string SanitizeHtml(string? html) => string.IsNullOrWhiteSpace(html) ? "" : _sanitizer.Sanitize(html);

    /// <summary>Markdown to plain text (no markup at all), for summaries, feeds, OpenAPI descriptions and meta tags.</summary>
    public string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, _pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "ins",
                "sub", "sup", "mark", "blockquote", "pre", "code", "kbd", "ul", "ol", "li", "dl", "dt", "dd",
                "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a", "img", "span", "div", "figure", "figcaption",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "title", "src", "alt", "width", "height", "id", "class", "colspan", "rowspan", "align", "start", "type",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } a && a.GetAttribute("href") is { } href
                && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
                a.SetAttribute("rel", "noopener noreferrer nofollow");
        };
        return sanitizer;
    }
}
