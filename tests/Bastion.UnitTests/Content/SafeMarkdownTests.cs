using Bastion.Content;

namespace Bastion.UnitTests.Content;

public sealed class SafeMarkdownTests
{
    [Fact]
    public void ToHtml_WhenScriptTagInSource_LeavesNoScriptElement()
    {
        var html = SafeMarkdown.ToHtml("Hello\n\n<script>alert('x')</script>\n\nworld");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Hello", html);
        Assert.Contains("world", html);
    }

    [Fact]
    public void ToHtml_WhenInlineScriptAndEventHandler_RendersThemAsText()
    {
        var html = SafeMarkdown.ToHtml("text <img src=x onerror=alert(1)> <b onclick=\"x()\">b</b>");
        var doc = Parse(html);
        Assert.Empty(doc.QuerySelectorAll("img, b, script"));
        Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Contains("onerror=alert(1)", doc.Body!.TextContent);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](  javascript:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("<javascript:alert(1)>")]
    public void ToHtml_WhenLinkHasScriptScheme_DropsTheHref(string markdown)
    {
        var doc = Parse(SafeMarkdown.ToHtml(markdown));
        Assert.All(doc.QuerySelectorAll("[href], [src]"), e => Assert.Fail("unexpected link: " + e.OuterHtml));
    }

    [Fact]
    public void ToHtml_WhenImageHasScriptSource_DropsIt()
    {
        var doc = Parse(SafeMarkdown.ToHtml("![x](javascript:alert(1))"));
        Assert.Empty(doc.QuerySelectorAll("[src]"));
    }

    [Fact]
    public void ToHtml_WhenOrdinaryMarkdown_KeepsFormattingAndSafeLinks()
    {
        var html = SafeMarkdown.ToHtml("# 标题\n\n**重点** and [文件](https://example.org/a.pdf)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        Assert.Contains("<h1", html);
        Assert.Contains("<strong>重点</strong>", html);
        Assert.Contains("href=\"https://example.org/a.pdf\"", html);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html);
        Assert.Contains("<table>", html);
    }

    private static AngleSharp.Dom.IDocument Parse(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<html><body>" + html + "</body></html>");

    [Fact]
    public void ToHtml_WhenBlank_IsEmpty() => Assert.Equal("", SafeMarkdown.ToHtml("  "));

    [Fact]
    public void ToPlainText_WhenMarkdown_StripsMarkup() => Assert.Equal("重点 文字", SafeMarkdown.ToPlainText("**重点** 文字"));
}
