namespace Bastion.Organizations;

/// <summary>A party organization (党组织): one node of the organization tree.</summary>
public class Organization
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public OrganizationKind Kind { get; set; }
    public OrganizationStatus Status { get; set; } = OrganizationStatus.Active;
    public long? ParentId { get; set; }

    /// <summary>Materialized path of ids, "/1/17/2031/": a subtree is one range scan.</summary>
    public string Path { get; set; } = "";
    public int Depth { get; set; }

    /// <summary>The province-level ancestor (the tree's root): the distribution key at scale.</summary>
    public long RegionId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>单位类型: the kind of unit the organization is built in; null until recorded.</summary>
    public UnitType? UnitType { get; set; }
    /// <summary>新产业、新业态、新模式 tags.</summary>
    public NewBusinessTags NewBusinessTags { get; set; }
    /// <summary>行政区划代码 (GB/T 2260), 6 digits; see <see cref="DivisionCode"/>.</summary>
    public string? DivisionCode { get; set; }
    /// <summary>成立日期</summary>
    public DateOnly? FoundedOn { get; set; }
    /// <summary>Start of the current committee term (本届任期开始).</summary>
    public DateOnly? TermStartedOn { get; set; }
    /// <summary>Term length in years when it differs from the rule's default; see <see cref="CommitteeTerm"/>.</summary>
    public int? TermYears { get; set; }

    /// <summary>Places this organization under <paramref name="parent"/> (or at the root) once its id is known.</summary>
    public void PlaceUnder(Organization? parent)
    {
        if (Id <= 0) throw new InvalidOperationException("The organization needs its id before it can be placed in the tree.");
        ParentId = parent?.Id;
        Path = TreePath.Child(parent?.Path, Id);
        Depth = parent is null ? 0 : parent.Depth + 1;
        RegionId = parent is null ? Id : parent.RegionId;
    }
}

public enum OrganizationKind
{
    /// <summary>党委 (incl. upper-level committees: province, city, county, township).</summary>
    Committee = 1,
    /// <summary>党总支</summary>
    GeneralBranch = 2,
    /// <summary>党支部</summary>
    Branch = 3,
    /// <summary>联合党支部</summary>
    JointBranch = 4,
    /// <summary>党小组</summary>
    Group = 5,
}

public enum OrganizationStatus
{
    Active = 1,
    Dissolved = 2,
}
