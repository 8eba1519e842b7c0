using System.Globalization;
using Bastion.Shared;
using Microsoft.Extensions.Localization;

namespace Bastion.Web.Pages.Shared;

/// <summary>
/// What a page shows for a broken business rule. Under a Chinese UI: the rule's plain sentence from
/// <see cref="RulesResource"/> (keyed by the rule name), without the use case's English detail. Under English: the
/// exception's own message, which carries the specifics (numbers, dates). A rule without an entry shows the message.
/// </summary>
public static class RuleMessages
{
    private const string ShownKey = "Bastion.RuleMessages.Shown";

    /// <summary>The text to show for <paramref name="e"/> in the current UI culture.</summary>
    public static string Text(IStringLocalizer<RulesResource> rules, DomainRuleException e)
    {
        if (e.Data.Contains(ShownKey)) return e.Message;
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "zh") return e.Message;
        var text = rules[e.Rule];
        return text.ResourceNotFound ? e.Message : text.Value;
    }

    /// <summary><see cref="Text(IStringLocalizer{RulesResource}, DomainRuleException)"/> with the request's localizer.</summary>
    public static string Text(HttpContext http, DomainRuleException e) =>
        Text(http.RequestServices.GetRequiredService<IStringLocalizer<RulesResource>>(), e);

    /// <summary>A refusal whose message a page has already put in the user's language: shown as it is.</summary>
    public static DomainRuleException Shown(string rule, string text)
    {
        var e = new DomainRuleException(rule, text);
        e.Data[ShownKey] = true;
        return e;
    }
}
