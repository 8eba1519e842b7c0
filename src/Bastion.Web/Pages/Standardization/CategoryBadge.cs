using Bastion.Standardization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Standardization;

/// <summary>A category as a coloured badge ("not assessed" for none).</summary>
public static class CategoryBadge
{
    public static IHtmlContent Render(IStringLocalizer<StandardizationResource> t, StandardizationCategory? category)
    {
        var css = category switch
        {
            StandardizationCategory.Weak => "text-bg-danger",
            StandardizationCategory.Standard => "text-bg-primary",
            StandardizationCategory.Model => "text-bg-success",
            _ => "text-bg-secondary",
        };
        var key = category?.ToString() ?? "None";
        var builder = new HtmlContentBuilder();
        builder.AppendHtml($"<span class=\"badge {css}\" data-category=\"{key}\">");
        builder.Append(t[$"Category.{key}"]);
        builder.AppendHtml("</span>");
        return builder;
    }
}
