namespace Bastion.Strength.Indicators;

/// <summary>citizen-requests-on-time: citizen requests due in the period answered by their deadline / due.</summary>
public sealed class CitizenRequestsOnTimeSource : RequestsOnTimeSource
{
    public override string Code => "citizen-requests-on-time";

    protected override bool Enterprise => false;
}
