using Bastion.Cascades;

namespace Bastion.Strength.Indicators;

/// <summary>study-on-time: study assignments (学习任务) due in the period completed by their due date / due.</summary>
public sealed class StudyOnTimeSource : CascadeOnTimeSource
{
    public override string Code => "study-on-time";

    protected override CascadeSubject Subject => CascadeSubject.Study;

    protected override string? Href(long targetId, long? campaignId, long organizationId) =>
        campaignId is { } id ? $"/Study/Campaign/{id}?node={organizationId}" : null;
}
