using OpenData.Web.Infrastructure.Text;

namespace OpenData.UnitTests.Infrastructure;

public class SafeMarkdownTests
{
    private static readonly SafeMarkdown Md = SafeMarkdown.Shared;

    [Theory]
    [InlineData("<script>alert(1)</script>正文", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>", "<iframe")]
    [InlineData("[点我](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"https://x.cn\" onclick=\"steal()\">x</a>", "onclick")]
    public void Dangerous_markup_does_not_survive(string markdown, string forbidden) =>
        Assert.DoesNotContain(forbidden, Md.ToHtml(markdown), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Ordinary_markdown_keeps_headings_lists_tables_and_links()
    {
        var html = Md.ToHtml("## 标题\n\n- 一\n- 二\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[丽水](https://www.lishui.gov.cn)");
        Assert.Contains("<h2", html);
        Assert.Contains("<li>一</li>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("href=\"https://www.lishui.gov.cn\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }

    [Fact]
    public void Plain_text_has_no_markup() =>
        Assert.Equal("加粗 和 链接", Md.ToPlainText("**加粗** 和 [链接](https://x.cn)"));
}
