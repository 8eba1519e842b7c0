using Bastion.Alliances;

namespace Bastion.UnitTests.Alliances;

public sealed class AllianceRulesTests
{
    [Fact]
    public void HasEnoughMembers_WhenOneOrganizationListedTwice_IsFalse() =>
        Assert.False(AllianceRules.HasEnoughMembers([7, 7]));

    [Fact]
    public void HasEnoughMembers_WhenTwoOrganizations_IsTrue() =>
        Assert.True(AllianceRules.HasEnoughMembers([7, 8]));

    [Fact]
    public void Duplicates_WhenIdRepeated_ListsItOnce() =>
        Assert.Equal([3L], AllianceRules.Duplicates([3, 4, 3, 3]));

    [Fact]
    public void IsNotInFuture_WhenTomorrow_IsFalse() =>
        Assert.False(AllianceRules.IsNotInFuture(new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 26)));

    [Fact]
    public void IsNotInFuture_WhenToday_IsTrue() =>
        Assert.True(AllianceRules.IsNotInFuture(new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 26)));

    [Theory]
    [InlineData(1, 3, false)] // the lead
    [InlineData(2, 2, false)] // would leave one
    [InlineData(2, 3, true)]
    public void MayRemove_WhenLeadOrTooFewRemain_IsNotPossible(long organizationId, int memberCount, bool expected) =>
        Assert.Equal(expected, AllianceRules.MayRemove(organizationId, leadOrganizationId: 1, memberCount));

    [Fact]
    public void ActivityWindowStart_WhenToday_IsTwelveMonthsBackIncludingToday() =>
        Assert.Equal(new DateOnly(2025, 11, 27), AllianceRules.ActivityWindowStart(new DateOnly(2026, 11, 26)));
}
