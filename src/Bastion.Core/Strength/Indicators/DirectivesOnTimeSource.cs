using Bastion.Cascades;

namespace Bastion.Strength.Indicators;

/// <summary>directives-on-time: directive targets (决策部署) due in the period completed by their due date / due.</summary>
public sealed class DirectivesOnTimeSource : CascadeOnTimeSource
{
    public override string Code => "directives-on-time";

    protected override CascadeSubject Subject => CascadeSubject.Directive;

    protected override string? Href(long targetId, long? campaignId, long organizationId) => $"/Directives/Target/{targetId}";
}
