namespace Bastion.Organizations;

public enum FindingSeverity
{
    /// <summary>提示: worth a look, allowed by the rules.</summary>
    Notice = 1,
    /// <summary>预警: the rules advise against it (e.g. a branch above 50 members).</summary>
    Warning = 2,
    /// <summary>问题: the rules require something that is missing.</summary>
    Violation = 3,
}

/// <summary>What the structure rules need to know about one organization; counts cover active members only.</summary>
public sealed record OrganizationFacts
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public required OrganizationKind Kind { get; init; }
    public UnitType? UnitType { get; init; }
    /// <summary>The parent's kind; null at the root or when the parent is outside the caller's scope.</summary>
    public OrganizationKind? ParentKind { get; init; }
    /// <summary>Whether any direct child is a branch, joint branch or general branch (what makes a committee a grassroots committee).</summary>
    public bool HasBranchChildren { get; init; }
    /// <summary>正式党员 directly in this organization.</summary>
    public int FullMembers { get; init; }
    /// <summary>All members (full and probationary) directly in this organization.</summary>
    public int Members { get; init; }
    /// <summary>All members in the subtree, this organization included.</summary>
    public int SubtreeMembers { get; init; }
    /// <summary>Size of the branch committee (支委会); null while committee membership is not recorded.</summary>
    public int? CommitteeSize { get; init; }
    public DateOnly? TermStartedOn { get; init; }
    public int? TermYears { get; init; }
}

/// <summary>One broken or strained structure rule of one organization. <see cref="Measure"/> is the number the message names.</summary>
public sealed record StructureFinding(long OrganizationId, string OrganizationName, OrganizationKind Kind, string Rule, FindingSeverity Severity, int Measure, string Message);

/// <summary>
/// The organization-structure rules of DOMAIN §2 as pure functions over <see cref="OrganizationFacts"/>.
/// Each rule returns its finding or null. <see cref="BranchCommitteeMissing"/> and <see cref="BranchCommitteeSize"/>
/// are skipped when the committee size is unknown (null).
/// </summary>
public static class StructureRules
{
    /// <summary>A branch needs at least 3 full members (ZBTL §4–5).</summary>
    public const int MinBranchFullMembers = 3;
    /// <summary>A branch generally has at most 50 members (ZBTL): warn, don't forbid.</summary>
    public const int MaxBranchMembers = 50;
    /// <summary>A branch committee is required from 7 full members (ZBTL ch. 6).</summary>
    public const int BranchCommitteeFromFullMembers = 7;
    public const int MinCommitteeSize = 3;
    public const int MaxCommitteeSize = 7;
    /// <summary>党总支: 50–100 members (JG §5–7).</summary>
    public const int MinGeneralBranchMembers = 50;
    public const int MaxGeneralBranchMembers = 100;
    /// <summary>基层党委: at least 100 members (JG §5–7).</summary>
    public const int MinGrassrootsCommitteeMembers = 100;
    /// <summary>An election may be postponed by at most a year with approval: beyond that, overdue is a violation.</summary>
    public const int ApprovableDelayMonths = 12;

    public static IReadOnlyList<StructureFinding> Check(OrganizationFacts f, DateOnly today) =>
        new[]
        {
            BranchTooSmall(f), BranchTooLarge(f), BranchCommitteeMissing(f), BranchCommitteeSize(f),
            GeneralBranchSize(f), GrassrootsCommitteeTooSmall(f), GroupUnderCommittee(f), TermOverdue(f, today),
        }.OfType<StructureFinding>().ToList();

    private static bool IsBranch(OrganizationKind kind) => kind is OrganizationKind.Branch or OrganizationKind.JointBranch;

    /// <summary>Structure.BranchTooSmall: a branch with fewer than 3 full members.</summary>
    public static StructureFinding? BranchTooSmall(OrganizationFacts f) =>
        IsBranch(f.Kind) && f.FullMembers < MinBranchFullMembers
            ? Finding(f, "Structure.BranchTooSmall", FindingSeverity.Violation, f.FullMembers,
                $"{f.FullMembers} full members; a branch needs at least {MinBranchFullMembers} (units with fewer join a joint branch).")
            : null;

    /// <summary>Structure.BranchTooLarge: a branch above 50 members.</summary>
    public static StructureFinding? BranchTooLarge(OrganizationFacts f) =>
        IsBranch(f.Kind) && f.SubtreeMembers > MaxBranchMembers
            ? Finding(f, "Structure.BranchTooLarge", FindingSeverity.Warning, f.SubtreeMembers,
                $"{f.SubtreeMembers} members; a branch generally has at most {MaxBranchMembers}.")
            : null;

    /// <summary>
    /// Structure.BranchCommitteeMissing: 7 or more full members and no branch committee, i.e. fewer than 3 people in
    /// current committee positions (skipped while unknown).
    /// </summary>
    public static StructureFinding? BranchCommitteeMissing(OrganizationFacts f) =>
        IsBranch(f.Kind) && f.FullMembers >= BranchCommitteeFromFullMembers && f.CommitteeSize is { } size && size < MinCommitteeSize
            ? Finding(f, "Structure.BranchCommitteeMissing", FindingSeverity.Violation, f.FullMembers,
                $"{f.FullMembers} full members but no branch committee ({size} in committee positions); one of {MinCommitteeSize} to {MaxCommitteeSize} people is required from {BranchCommitteeFromFullMembers}.")
            : null;

    /// <summary>
    /// Structure.BranchCommitteeSize: a branch committee of more than 7 people. Fewer than 3 is either normal (a branch
    /// under 7 full members has a secretary and maybe a deputy) or <see cref="BranchCommitteeMissing"/>.
    /// </summary>
    public static StructureFinding? BranchCommitteeSize(OrganizationFacts f) =>
        IsBranch(f.Kind) && f.CommitteeSize is > MaxCommitteeSize and var size
            ? Finding(f, "Structure.BranchCommitteeSize", FindingSeverity.Warning, size,
                $"The branch committee has {size} people; it should have {MinCommitteeSize} to 5, at most {MaxCommitteeSize}.")
            : null;

    /// <summary>Structure.GeneralBranchSize: a general branch outside 50–100 members.</summary>
    public static StructureFinding? GeneralBranchSize(OrganizationFacts f) =>
        f.Kind == OrganizationKind.GeneralBranch && (f.SubtreeMembers < MinGeneralBranchMembers || f.SubtreeMembers > MaxGeneralBranchMembers)
            ? Finding(f, "Structure.GeneralBranchSize", FindingSeverity.Warning, f.SubtreeMembers,
                $"{f.SubtreeMembers} members; a general branch has {MinGeneralBranchMembers} to {MaxGeneralBranchMembers}.")
            : null;

    /// <summary>Structure.GrassrootsCommitteeTooSmall: a committee over branches with fewer than 100 members.</summary>
    public static StructureFinding? GrassrootsCommitteeTooSmall(OrganizationFacts f) =>
        f.Kind == OrganizationKind.Committee && f.HasBranchChildren && f.SubtreeMembers < MinGrassrootsCommitteeMembers
            ? Finding(f, "Structure.GrassrootsCommitteeTooSmall", FindingSeverity.Warning, f.SubtreeMembers,
                $"{f.SubtreeMembers} members; a grassroots committee has at least {MinGrassrootsCommitteeMembers}.")
            : null;

    /// <summary>Structure.GroupUnderCommittee: a party group directly under a committee or general branch instead of a branch.</summary>
    public static StructureFinding? GroupUnderCommittee(OrganizationFacts f) =>
        f.Kind == OrganizationKind.Group && f.ParentKind is OrganizationKind.Committee or OrganizationKind.GeneralBranch
            ? Finding(f, "Structure.GroupUnderCommittee", FindingSeverity.Violation, 0,
                "A party group sits directly under a committee or general branch; groups belong to a branch.")
            : null;

    /// <summary>
    /// Structure.TermOverdue: the term (start + length, default by kind and unit type) ended before today.
    /// Up to 12 months may be an approved postponement (warning); beyond that it is a violation. Due today is not overdue.
    /// </summary>
    public static StructureFinding? TermOverdue(OrganizationFacts f, DateOnly today)
    {
        var years = CommitteeTerm.EffectiveYears(f.Kind, f.UnitType, f.TermYears);
        if (CommitteeTerm.NextElectionOn(f.TermStartedOn, years) is not { } due || today <= due) return null;
        var months = CommitteeTerm.MonthsOverdue(due, today);
        return Finding(f, "Structure.TermOverdue", months >= ApprovableDelayMonths ? FindingSeverity.Violation : FindingSeverity.Warning, months,
            $"The election was due on {due:yyyy-MM-dd}; overdue by {months} months.");
    }

    private static StructureFinding Finding(OrganizationFacts f, string rule, FindingSeverity severity, int measure, string message) =>
        new(f.Id, f.Name, f.Kind, rule, severity, measure, message);
}
