namespace Bastion.Strength.Indicators;

/// <summary>enterprise-requests-on-time: enterprise requests due in the period answered by their deadline / due.</summary>
public sealed class EnterpriseRequestsOnTimeSource : RequestsOnTimeSource
{
    public override string Code => "enterprise-requests-on-time";

    protected override bool Enterprise => true;
}
