using Bastion.Dues;
using Bastion.Generation;
using Bastion.Members;

namespace Bastion.UnitTests.Generation;

public class DemoMemberDetailsTests(DemoDatasetFixture fixture) : IClassFixture<DemoDatasetFixture>
{
    private DemoDataset Dataset => fixture.Dataset;

    [Fact]
    public void Members_HaveEthnicityEducationOccupation_AndMostAValidMaskedPhone()
    {
        Assert.All(Dataset.Members, m => Assert.False(string.IsNullOrEmpty(m.Ethnicity) || m.Education is null || string.IsNullOrEmpty(m.Occupation)));
        var withPhone = Dataset.Members.Where(m => m.PhoneCipher is not null).ToList();
        Assert.InRange(withPhone.Count, Dataset.Members.Count * 80 / 100, Dataset.Members.Count);
        var phone = fixture.Pii.Decrypt(withPhone[0].PhoneCipher!);
        Assert.Matches("^1[3-9][0-9]{9}$", phone);
        Assert.Equal(MemberRules.MaskPhone(phone), withPhone[0].PhoneMasked);
    }

    [Fact]
    public void Dues_AreOncePerMemberAndMonth_AtTheRuleSetAmount_WithSomeMembersBehind()
    {
        Assert.NotEmpty(Dataset.DuesPayments);
        Assert.Equal(Dataset.DuesPayments.Count, Dataset.DuesPayments.Select(p => (p.MemberId, p.Month)).Distinct().Count());
        var rules = DuesRuleSet.Load();
        var bases = Dataset.DuesBases.ToDictionary(b => b.MemberId);
        Assert.All(Dataset.DuesPayments.Take(500), p => Assert.Equal(DuesCalculator.Quote(rules, bases[p.MemberId].Category, bases[p.MemberId].Base).MonthlyAmount, p.Amount));
        var lastMonth = DuesMonths.MonthOf(DemoDatasetFixture.Today).AddMonths(-1);
        var paidLastMonth = Dataset.DuesPayments.Where(p => p.Month == lastMonth).Select(p => p.MemberId).ToHashSet();
        var behind = bases.Keys.Count(id => !paidLastMonth.Contains(id));
        Assert.InRange(behind, bases.Count / 30, bases.Count / 5);
        Assert.All(Dataset.DuesPayments, p => Assert.True(p.Month <= lastMonth && p.PaidOn > p.Month));
    }
}
