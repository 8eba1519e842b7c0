namespace Bastion.Web;

/// <summary>
/// Marker for the plain sentences of the named business rules (<c>DomainRuleException.Rule</c>): one entry per rule name,
/// the key being the rule name exactly. Pages show them under a Chinese UI (see <c>Pages.Shared.RuleMessages</c>).
/// </summary>
public sealed class RulesResource;
