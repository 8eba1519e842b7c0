using Bastion.Organizations;

namespace Bastion.UnitTests.Organizations;

public class StructureRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static OrganizationFacts Branch(int full, int? members = null, int? committee = null) => new()
    {
        Id = 1, Name = "测试支部", Kind = OrganizationKind.Branch, ParentKind = OrganizationKind.Committee,
        FullMembers = full, Members = members ?? full, SubtreeMembers = members ?? full, CommitteeSize = committee,
    };

    [Fact]
    public void BranchTooSmall_WhenTwoFullMembers_IsViolation()
    {
        var finding = StructureRules.BranchTooSmall(Branch(2, members: 5));
        Assert.NotNull(finding);
        Assert.Equal(("Structure.BranchTooSmall", FindingSeverity.Violation, 2), (finding.Rule, finding.Severity, finding.Measure));
    }

    [Fact]
    public void BranchTooSmall_WhenThreeFullMembers_IsNothing() => Assert.Null(StructureRules.BranchTooSmall(Branch(3)));

    [Fact]
    public void BranchTooSmall_WhenJointBranchWithTwo_IsViolation() =>
        Assert.NotNull(StructureRules.BranchTooSmall(Branch(2) with { Kind = OrganizationKind.JointBranch }));

    [Fact]
    public void BranchTooSmall_WhenGeneralBranch_DoesNotApply() =>
        Assert.Null(StructureRules.BranchTooSmall(Branch(0) with { Kind = OrganizationKind.GeneralBranch }));

    [Fact]
    public void BranchTooLarge_WhenFiftyMembers_IsNothing() => Assert.Null(StructureRules.BranchTooLarge(Branch(40, members: 50)));

    [Fact]
    public void BranchTooLarge_WhenFiftyOneMembers_IsWarning()
    {
        var finding = StructureRules.BranchTooLarge(Branch(40, members: 51));
        Assert.NotNull(finding);
        Assert.Equal(("Structure.BranchTooLarge", FindingSeverity.Warning, 51), (finding.Rule, finding.Severity, finding.Measure));
    }

    [Fact]
    public void BranchCommitteeMissing_WhenSevenFullMembersAndNoCommittee_IsViolation()
    {
        var finding = StructureRules.BranchCommitteeMissing(Branch(7, committee: 0));
        Assert.NotNull(finding);
        Assert.Equal(FindingSeverity.Violation, finding.Severity);
    }

    [Fact]
    public void BranchCommitteeMissing_WhenSevenFullMembersAndOnlySecretaryAndDeputy_IsViolation() =>
        Assert.Equal(FindingSeverity.Violation, StructureRules.BranchCommitteeMissing(Branch(7, committee: 2))!.Severity);

    [Fact]
    public void BranchCommitteeMissing_WhenSixFullMembersAndNoCommittee_IsNothing() =>
        Assert.Null(StructureRules.BranchCommitteeMissing(Branch(6, committee: 0)));

    [Fact]
    public void BranchCommitteeMissing_WhenCommitteeSizeUnknown_IsSkipped() =>
        Assert.Null(StructureRules.BranchCommitteeMissing(Branch(30, committee: null)));

    [Fact]
    public void BranchCommitteeMissing_WhenCommitteeExists_IsNothing() =>
        Assert.Null(StructureRules.BranchCommitteeMissing(Branch(12, committee: 5)));

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(7, false)]
    [InlineData(8, true)]
    public void BranchCommitteeSize_WhenSizeGiven_WarnsAboveSeven_TooSmallIsTheMissingRule(int size, bool warns) =>
        Assert.Equal(warns, StructureRules.BranchCommitteeSize(Branch(20, committee: size)) is not null);

    [Theory]
    [InlineData(49, true)]
    [InlineData(50, false)]
    [InlineData(100, false)]
    [InlineData(101, true)]
    public void GeneralBranchSize_WhenMembersGiven_WarnsOutsideFiftyToHundred(int members, bool warns) =>
        Assert.Equal(warns, StructureRules.GeneralBranchSize(Branch(members, members) with { Kind = OrganizationKind.GeneralBranch }) is not null);

    [Theory]
    [InlineData(99, true, true)]
    [InlineData(100, true, false)]
    [InlineData(10, false, false)] // an upper-level committee over committees: not a grassroots committee
    public void GrassrootsCommitteeTooSmall_WhenCommitteeOverBranches_WarnsBelowHundred(int members, bool hasBranches, bool warns)
    {
        var facts = Branch(0, members) with { Kind = OrganizationKind.Committee, HasBranchChildren = hasBranches };
        Assert.Equal(warns, StructureRules.GrassrootsCommitteeTooSmall(facts) is not null);
    }

    [Theory]
    [InlineData(OrganizationKind.Committee, true)]
    [InlineData(OrganizationKind.GeneralBranch, true)]
    [InlineData(OrganizationKind.Branch, false)]
    [InlineData(OrganizationKind.JointBranch, false)]
    public void GroupUnderCommittee_WhenGroupsParentGiven_FlagsCommitteeParents(OrganizationKind parent, bool flagged)
    {
        var group = Branch(0) with { Kind = OrganizationKind.Group, ParentKind = parent };
        Assert.Equal(flagged, StructureRules.GroupUnderCommittee(group) is not null);
    }

    [Fact]
    public void TermOverdue_WhenDueExactlyToday_IsNothing()
    {
        var facts = Branch(5) with { TermStartedOn = Today.AddYears(-3) };
        Assert.Null(StructureRules.TermOverdue(facts, Today));
    }

    [Fact]
    public void TermOverdue_WhenFourMonthsOverdue_IsWarningNamingFourMonths()
    {
        var facts = Branch(5) with { TermStartedOn = Today.AddMonths(-4).AddYears(-3) };
        var finding = StructureRules.TermOverdue(facts, Today);
        Assert.NotNull(finding);
        Assert.Equal(("Structure.TermOverdue", FindingSeverity.Warning, 4), (finding.Rule, finding.Severity, finding.Measure));
    }

    [Fact]
    public void TermOverdue_WhenOverdueByAYearOrMore_IsViolation()
    {
        var facts = Branch(5) with { TermStartedOn = Today.AddYears(-4) };
        Assert.Equal(FindingSeverity.Violation, StructureRules.TermOverdue(facts, Today)!.Severity);
    }

    [Fact]
    public void TermOverdue_WhenVillageBranch_UsesFiveYears()
    {
        var facts = Branch(5) with { UnitType = UnitType.Rural, TermStartedOn = Today.AddYears(-4) };
        Assert.Null(StructureRules.TermOverdue(facts, Today));
    }

    [Fact]
    public void TermOverdue_WhenRecordedLengthGiven_UsesIt()
    {
        var facts = Branch(5) with { TermStartedOn = Today.AddYears(-4), TermYears = 4 };
        Assert.Null(StructureRules.TermOverdue(facts, Today));
        Assert.NotNull(StructureRules.TermOverdue(facts, Today.AddDays(1)));
    }

    [Fact]
    public void TermOverdue_WhenTermNotRecorded_IsNothing() => Assert.Null(StructureRules.TermOverdue(Branch(5), Today));

    [Fact]
    public void Check_WhenBranchBreaksSeveralRules_ReturnsEach()
    {
        var facts = Branch(2, members: 60) with { TermStartedOn = Today.AddYears(-5) };
        Assert.Equal(
            ["Structure.BranchTooLarge", "Structure.BranchTooSmall", "Structure.TermOverdue"],
            StructureRules.Check(facts, Today).Select(f => f.Rule).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_WhenHealthyBranch_ReturnsNothing() => Assert.Empty(StructureRules.Check(Branch(12, committee: 3) with { TermStartedOn = Today.AddYears(-1) }, Today));
}
