using Ganss.Xss;
using Markdig;

namespace Bastion.Content;

/// <summary>
/// Markdown written by users (directive bodies, study articles) rendered to HTML that is safe to put in a page:
/// raw HTML in the source is escaped by Markdig, and the output passes an allow-list sanitizer that keeps only
/// formatting tags and http(s)/mailto links, so neither <c>&lt;script&gt;</c> nor <c>javascript:</c> survives.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseTaskLists()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedTags.Clear();
        foreach (var tag in new[]
                 {
                     "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "ins", "sub", "sup", "mark",
                     "blockquote", "code", "pre", "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "input",
                 })
            s.AllowedTags.Add(tag);
        s.AllowedAttributes.Clear();
        foreach (var attr in new[] { "href", "title", "src", "alt", "align", "type", "checked", "disabled" }) s.AllowedAttributes.Add(attr);
        s.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) s.AllowedSchemes.Add(scheme);
        s.AllowedCssProperties.Clear();
        s.AllowedAtRules.Clear();
        s.AllowedClasses.Clear();
        s.AllowDataAttributes = false;
        // Links open elsewhere without handing the page over.
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a && a.HasAttribute("href"))
                a.SetAttribute("rel", "nofollow noopener noreferrer");
        };
        s.AllowedAttributes.Add("rel");
        return s;
    }

    /// <summary>The Markdown as sanitized HTML; empty for null or blank input.</summary>
    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var html = Markdown.ToHtml(markdown, Pipeline);
        return Sanitizer.Sanitize(html);
    }

    /// <summary>Plain text of the Markdown (no markup), e.g. for lengths and previews.</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, Pipeline).Trim();
}
