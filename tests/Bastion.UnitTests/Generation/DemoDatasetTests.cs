using Bastion.Generation;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Security;

namespace Bastion.UnitTests.Generation;

/// <summary>Builds the demo dataset once for the class; every test reads it and none changes it.</summary>
public sealed class DemoDatasetFixture
{
    public const int Seed = 20250630;
    public static readonly DateTime Now = new(2025, 6, 30, 8, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    public PiiProtector Pii { get; } = new(Enumerable.Range(0, 32).Select(i => (byte)(i * 13 + 5)).ToArray());
    public DemoDataset Dataset { get; }

    /// <summary>Each member's decrypted resident ID, parsed.</summary>
    public IReadOnlyList<(Member Member, string Plain, ResidentId? Parsed, string? Error)> ResidentIds { get; }

    public DemoDatasetFixture()
    {
        Dataset = DemoDataset.Build(ScaleProfile.Demo, Seed, Pii, Now);
        ResidentIds = Dataset.Members.Select(m =>
        {
            var plain = Pii.Decrypt(m.ResidentIdCipher);
            var parsed = ResidentId.TryParse(plain, out var error);
            return (m, plain, parsed, error);
        }).ToList();
    }
}

public class DemoDatasetTests(DemoDatasetFixture fixture) : IClassFixture<DemoDatasetFixture>
{
    private DemoDataset Dataset => fixture.Dataset;

    [Fact]
    public void Build_WhenDemoScale_HasAboutOneCountyOfOrganizationsAndMembers()
    {
        Assert.InRange(Dataset.Organizations.Count, 300, 550);
        Assert.InRange(Dataset.Members.Count, 6_000, 10_000);
    }

    [Fact]
    public void Build_WhenSameSeed_ProducesSameOrganizationsAndMembers()
    {
        var again = DemoDataset.Build(ScaleProfile.Demo, DemoDatasetFixture.Seed, fixture.Pii, DemoDatasetFixture.Now);

        Assert.Equal(Dataset.Organizations.Select(o => (o.Id, o.Name, o.Kind, o.Path)), again.Organizations.Select(o => (o.Id, o.Name, o.Kind, o.Path)));
        Assert.Equal(
            Dataset.Members.Select(m => (m.Id, m.OrganizationId, m.Name, m.Gender, m.BirthDate, m.JoinedOn, m.Category, m.ResidentIdHash)),
            again.Members.Select(m => (m.Id, m.OrganizationId, m.Name, m.Gender, m.BirthDate, m.JoinedOn, m.Category, m.ResidentIdHash)));
    }

    [Fact]
    public void Build_WhenSeedDiffers_ProducesDifferentMembers()
    {
        var other = DemoDataset.Build(ScaleProfile.Demo, DemoDatasetFixture.Seed + 1, fixture.Pii, DemoDatasetFixture.Now);

        Assert.NotEqual(Dataset.Members.Select(m => m.Name), other.Members.Select(m => m.Name));
        Assert.NotEqual(Dataset.Members.Select(m => m.BirthDate), other.Members.Select(m => m.BirthDate));
    }

    [Fact]
    public void Build_WhenFirstIdsGiven_NumbersFromThem()
    {
        var shifted = DemoDataset.Build(ScaleProfile.Demo, DemoDatasetFixture.Seed, fixture.Pii, DemoDatasetFixture.Now, firstOrgId: 1000, firstMemberId: 50_000);

        Assert.Equal(1000, shifted.Root.Id);
        Assert.Equal("/1000/", shifted.Root.Path);
        Assert.Equal(Enumerable.Range(1000, shifted.Organizations.Count).Select(i => (long)i), shifted.Organizations.Select(o => o.Id));
        Assert.Equal(Enumerable.Range(50_000, shifted.Members.Count).Select(i => (long)i), shifted.Members.Select(m => m.Id));
        Assert.All(shifted.Organizations, o => Assert.Equal(1000, o.RegionId));
    }

    [Fact]
    public void Build_WhenDone_EveryResidentIdIsValid()
    {
        var invalid = fixture.ResidentIds.Where(r => r.Parsed is null).Select(r => $"{r.Member.Id}: {r.Plain} ({r.Error})").ToList();

        Assert.Empty(invalid);
    }

    [Fact]
    public void Build_WhenDone_ResidentIdsAreUnique()
    {
        Assert.Equal(Dataset.Members.Count, fixture.ResidentIds.Select(r => r.Plain).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Dataset.Members.Count, Dataset.Members.Select(m => m.ResidentIdHash).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Build_WhenDone_HashAndMaskMatchTheResidentId()
    {
        Assert.All(fixture.ResidentIds, r =>
        {
            Assert.Equal(fixture.Pii.LookupHash(r.Plain), r.Member.ResidentIdHash);
            Assert.Equal(ResidentId.Mask(r.Plain), r.Member.ResidentIdMasked);
        });
    }

    [Fact]
    public void Build_WhenDone_BirthDateAndGenderMatchTheResidentId()
    {
        Assert.All(fixture.ResidentIds, r =>
        {
            Assert.NotNull(r.Parsed);
            Assert.Equal(r.Parsed.BirthDate, r.Member.BirthDate);
            Assert.Equal(r.Parsed.Gender, r.Member.Gender);
        });
    }

    [Fact]
    public void Build_WhenDone_MembersWereAdultsWhenTheyJoinedAndJoinedInThePast()
    {
        Assert.All(Dataset.Members, m =>
        {
            Assert.True(m.JoinedOn >= m.BirthDate.AddYears(18), $"member {m.Id} born {m.BirthDate} joined {m.JoinedOn}");
            Assert.True(m.JoinedOn <= DemoDatasetFixture.Today, $"member {m.Id} joined {m.JoinedOn}, after today");
        });
    }

    [Fact]
    public void Build_WhenDone_BothGendersAndCategoriesOccur()
    {
        Assert.Contains(Dataset.Members, m => m.Gender == Gender.Male);
        Assert.Contains(Dataset.Members, m => m.Gender == Gender.Female);
        Assert.Contains(Dataset.Members, m => m.Category == MemberCategory.Full);
        Assert.Contains(Dataset.Members, m => m.Category == MemberCategory.Probationary);
    }

    // DOMAIN §3: probation is one year from admission; FullOn is null only while probationary.
    [Fact]
    public void Build_WhenDone_CategoryAgreesWithProbationYear()
    {
        var today = DemoDatasetFixture.Today;
        Assert.All(Dataset.Members, m =>
        {
            if (m.Category == MemberCategory.Probationary)
            {
                Assert.Null(m.FullOn);
                Assert.True(m.JoinedOn.AddYears(1) > today, $"probationary member {m.Id} joined {m.JoinedOn}, over a year ago");
            }
            else
            {
                Assert.True(m.FullOn is not null, $"full member {m.Id} (joined {m.JoinedOn}) has no FullOn date");
                Assert.Equal(m.JoinedOn.AddYears(1), m.FullOn);
                Assert.True(m.FullOn <= today);
            }
        });
    }

    [Fact]
    public void Build_WhenDone_ParentsAppearBeforeChildren()
    {
        var position = Dataset.Organizations.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i);

        Assert.Equal(Dataset.Organizations.Count, position.Count); // ids are unique
        Assert.Null(Dataset.Organizations[0].ParentId);
        Assert.Single(Dataset.Organizations, o => o.ParentId is null);
        Assert.All(Dataset.Organizations.Skip(1), o =>
        {
            Assert.NotNull(o.ParentId);
            Assert.True(position.TryGetValue(o.ParentId.Value, out var parentAt), $"parent {o.ParentId} of {o.Id} is missing");
            Assert.True(parentAt < position[o.Id], $"parent {o.ParentId} comes after child {o.Id}");
        });
    }

    [Fact]
    public void Build_WhenDone_PathsAndDepthsFollowParents()
    {
        var byId = Dataset.Organizations.ToDictionary(o => o.Id);

        Assert.Equal($"/{Dataset.Root.Id}/", Dataset.Root.Path);
        Assert.Equal(0, Dataset.Root.Depth);
        Assert.All(Dataset.Organizations.Where(o => o.ParentId is not null), o =>
        {
            var parent = byId[o.ParentId!.Value];
            Assert.Equal($"{parent.Path}{o.Id}/", o.Path);
            Assert.Equal(parent.Depth + 1, o.Depth);
            Assert.Equal(TreePath.Ids(parent.Path).Append(o.Id), TreePath.Ids(o.Path));
        });
        Assert.Equal(Dataset.Organizations.Count, Dataset.Organizations.Select(o => o.Path).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Build_WhenDone_RegionIsTheRootForOrganizationsAndMembers()
    {
        var rootId = Dataset.Root.Id;

        Assert.Equal(rootId, Dataset.Root.RegionId);
        Assert.All(Dataset.Organizations, o => Assert.Equal(rootId, o.RegionId));
        Assert.All(Dataset.Members, m => Assert.Equal(rootId, m.RegionId));
    }

    [Fact]
    public void Build_WhenDone_EveryParentKindMayHoldItsChildren()
    {
        var byId = Dataset.Organizations.ToDictionary(o => o.Id);

        Assert.All(Dataset.Organizations.Where(o => o.ParentId is not null),
            o => TreeRules.EnsureCanHoldChild(byId[o.ParentId!.Value].Kind, o.Kind));
    }

    [Fact]
    public void Build_WhenDone_MembersBelongToExistingBranches()
    {
        var byId = Dataset.Organizations.ToDictionary(o => o.Id);

        Assert.Equal(Dataset.Members.Count, Dataset.Members.Select(m => m.Id).Distinct().Count());
        Assert.All(Dataset.Members, m =>
        {
            Assert.True(byId.TryGetValue(m.OrganizationId, out var org), $"member {m.Id} is in missing organization {m.OrganizationId}");
            Assert.Contains(org.Kind, new[] { OrganizationKind.Branch, OrganizationKind.JointBranch });
        });
    }

    [Fact]
    public void Build_WhenDone_WellKnownOrganizationsAreSet()
    {
        Assert.Equal(OrganizationKind.Committee, Dataset.FirstCounty.Kind);
        Assert.Equal(OrganizationKind.Branch, Dataset.FirstVillageBranch.Kind);
        Assert.Equal(OrganizationKind.Branch, Dataset.SecondVillageBranch.Kind);
        Assert.NotEqual(Dataset.FirstVillageBranch.Id, Dataset.SecondVillageBranch.Id);
        Assert.True(TreePath.Contains(Dataset.FirstCounty.Path, Dataset.FirstVillageBranch.Path));
        Assert.Contains(Dataset.Members, m => m.OrganizationId == Dataset.FirstVillageBranch.Id);
    }
}
