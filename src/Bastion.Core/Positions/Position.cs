namespace Bastion.Positions;

/// <summary>A position (职务) held by a member in an organization for a term; current while <see cref="EndedOn"/> is null.</summary>
public class Position : Data.IOrganizationOwned
{
    public long Id { get; set; }
    public long OrganizationId { get; set; }
    /// <summary>The organization's region.</summary>
    public long RegionId { get; set; }
    public long MemberId { get; set; }
    public PositionRole Role { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum PositionRole
{
    /// <summary>书记</summary>
    Secretary = 1,
    /// <summary>副书记</summary>
    DeputySecretary = 2,
    /// <summary>组织委员</summary>
    OrganizationCommissioner = 3,
    /// <summary>宣传委员</summary>
    PropagandaCommissioner = 4,
    /// <summary>纪检委员</summary>
    DisciplineCommissioner = 5,
    /// <summary>委员</summary>
    CommitteeMember = 6,
    /// <summary>党小组组长</summary>
    GroupLeader = 7,
}
