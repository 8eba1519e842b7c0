using Bastion.Cascades;
using Bastion.Development;
using Bastion.IntegrationTests.Coverage;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Meetings;
using Bastion.Organizations;
using Bastion.Positions;
using Bastion.Requests;
using Bastion.Strength;
using Bastion.Strength.Warnings;
using Microsoft.EntityFrameworkCore;
using static Bastion.IntegrationTests.Strength.StrengthKit;

namespace Bastion.IntegrationTests.Strength;

/// <summary>
/// Each warning rule that reads records fires on a branch built to trigger it and not on one built not to, on 2026-06-30
/// (the last day of 2026Q2). The rules that read an indicator's figures are in the unit tests.
/// </summary>
public sealed class WarningRuleTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Organization _root = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        _root = await TestData.AddRootAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Organization> BranchAsync(int members, DateOnly? foundedOn = null)
    {
        var branch = await TestData.AddOrganizationAsync(_database, _root, OrganizationKind.Branch);
        if (members > 0) await StructureTestData.AddMembersAsync(_database, branch, members);
        await StructureTestData.UpdateAsync(_database, branch.Id, o => o.FoundedOn = foundedOn ?? new DateOnly(2020, 1, 1));
        return branch;
    }

    private async Task<List<long>> FiringAsync(IWarningSource source, params Organization[] organizations)
    {
        await using var db = _database.NewContext();
        var ids = organizations.Select(o => o.Id).ToList();
        var scope = new AssessmentScope(db, db.Organizations.Where(o => ids.Contains(o.Id)), Q2, AsOf, StrengthRuleSet.Load());
        return (await source.EvaluateAsync(scope, new Measures(), CancellationToken.None)).Select(h => h.OrganizationId).ToList();
    }

    [Fact]
    public async Task SilentBranch_MoreThan30DaysWithoutActivity()
    {
        // Last meeting 2026-05-20: 41 days before 2026-06-30 → silent. Last meeting 2026-06-10: 20 days → not.
        // A meeting on 2026-07-05 (after the day) does not save the first.
        var silent = await BranchAsync(3);
        var active = await BranchAsync(3);
        await AddHeldMeetingAsync(_database, silent, new(2026, 5, 20));
        await AddHeldMeetingAsync(_database, silent, new(2026, 7, 5));
        await AddHeldMeetingAsync(_database, active, new(2026, 6, 10));
        Assert.Equal([silent.Id], await FiringAsync(new SilentBranchWarning(), silent, active));
    }

    [Fact]
    public async Task SecretaryVacant_MoreThan3Months()
    {
        // Left 2026-03-01: vacant 4 months on 2026-06-30 → fires. Left 2026-04-15: 2½ months → not. In post → not.
        var longVacant = await BranchAsync(3);
        var recentlyVacant = await BranchAsync(3);
        var filled = await BranchAsync(3);
        await AddPositionAsync(_database, longVacant, 0, PositionRole.Secretary, new(2023, 1, 1), new(2026, 3, 1));
        await AddPositionAsync(_database, recentlyVacant, 0, PositionRole.Secretary, new(2023, 1, 1), new(2026, 4, 15));
        await AddPositionAsync(_database, filled, 0, PositionRole.Secretary, new(2023, 1, 1));
        Assert.Equal([longVacant.Id], await FiringAsync(new SecretaryVacantWarning(), longVacant, recentlyVacant, filled));
    }

    [Fact]
    public async Task CommitteeMissing_From7FullMembers()
    {
        // 8 full members, no committee → fires; 8 with a committee of 3 → not; 6 without → not required.
        var missing = await BranchAsync(8);
        var formed = await BranchAsync(8);
        var small = await BranchAsync(6);
        foreach (var (i, role) in new[] { (0, PositionRole.Secretary), (1, PositionRole.OrganizationCommissioner), (2, PositionRole.PropagandaCommissioner) })
            await AddPositionAsync(_database, formed, i, role, new(2024, 1, 1));
        Assert.Equal([missing.Id], await FiringAsync(new CommitteeMissingWarning(), missing, formed, small));
    }

    [Fact]
    public async Task TermOverdue_WhenTheTermEndedBeforeTheDay()
    {
        // A branch's term is 3 years: elected 2023-01-01 → due 2026-01-01, overdue on 2026-06-30; elected 2024-01-01 → due 2027.
        var overdue = await BranchAsync(3);
        var current = await BranchAsync(3);
        var unknown = await BranchAsync(3);
        await SetTermAsync(_database, overdue, new(2023, 1, 1));
        await SetTermAsync(_database, current, new(2024, 1, 1));
        Assert.Equal([overdue.Id], await FiringAsync(new TermOverdueWarning(), overdue, current, unknown));
    }

    [Fact]
    public async Task NoDevelopment_TwoYearsWithoutAnActivist_InABranchWithMembers()
    {
        // An activist made in 2025 → developing. Only an activist made in 2023 → dormant. No members → not judged.
        var developing = await BranchAsync(3);
        var dormant = await BranchAsync(3);
        var empty = await BranchAsync(0);
        await AddActivistAsync(developing, new(2025, 3, 1));
        await AddActivistAsync(dormant, new(2023, 3, 1));
        await AddStepAsync(dormant, new(2024, 3, 1), DevelopmentRules.ApprovalStep);
        Assert.Equal([dormant.Id], await FiringAsync(new NoDevelopmentWarning(), developing, dormant, empty));
    }

    [Fact]
    public async Task OverdueRequests_ThreeOrMoreUnansweredPastTheirDeadline()
    {
        // Three past their deadline and unanswered on 2026-06-30 → fires. Two unanswered plus one answered late before the day → not
        // (answered on 2026-06-20). One answered after the day (2026-07-03) still counted as open on the day → the third branch fires.
        var many = await BranchAsync(3);
        var few = await BranchAsync(3);
        var lateAnswer = await BranchAsync(3);
        for (var i = 0; i < 3; i++) await AddRequestAsync(many, new(2026, 5, 1 + i), null);
        await AddRequestAsync(few, new(2026, 5, 1), null);
        await AddRequestAsync(few, new(2026, 5, 2), null);
        await AddRequestAsync(few, new(2026, 5, 3), new(2026, 6, 20));
        await AddRequestAsync(lateAnswer, new(2026, 5, 1), null);
        await AddRequestAsync(lateAnswer, new(2026, 5, 2), null);
        await AddRequestAsync(lateAnswer, new(2026, 5, 3), new(2026, 7, 3));
        Assert.Equal([many.Id, lateAnswer.Id], (await FiringAsync(new OverdueRequestsWarning(), many, few, lateAnswer)).Order());
    }

    [Fact]
    public async Task OverdueDirectives_TwoOrMorePastTheirDueDate()
    {
        // Two directive targets due in May and not completed → fires. One overdue and one completed on time → not.
        var behind = await BranchAsync(3);
        var onTrack = await BranchAsync(3);
        var first = await AddCascadeAsync();
        var second = await AddCascadeAsync();
        await AddTargetAsync(first, behind, new(2026, 5, 10), null);
        await AddTargetAsync(second, behind, new(2026, 5, 20), null);
        await AddTargetAsync(first, onTrack, new(2026, 5, 10), null);
        await AddTargetAsync(second, onTrack, new(2026, 5, 20), new(2026, 5, 18));
        Assert.Equal([behind.Id], await FiringAsync(new OverdueDirectivesWarning(), behind, onTrack));
    }

    private async Task AddActivistAsync(Organization branch, DateOnly on) => await AddStepAsync(branch, on, DevelopmentRules.ActivistStep);

    private readonly Dictionary<long, long> _candidates = [];

    private async Task AddStepAsync(Organization branch, DateOnly on, int number)
    {
        await using var db = _database.NewContext();
        if (!_candidates.TryGetValue(branch.Id, out var candidateId))
        {
            var candidate = new Candidate
            {
                OrganizationId = branch.Id, RegionId = branch.RegionId, Name = TestData.Unique("申请人"), ResidentIdCipher = [1], ResidentIdHash = TestData.Unique("h"),
                ResidentIdMasked = "x", BirthDate = new(1995, 1, 1), AppliedOn = on.AddMonths(-2), CurrentStep = number, Stage = 2, LastDate = on,
                CreatedAt = DateTime.UtcNow,
            };
            db.Add(candidate);
            await db.SaveChangesAsync();
            _candidates[branch.Id] = candidateId = candidate.Id;
        }
        db.Add(new DevelopmentStep
        {
            CandidateId = candidateId, OrganizationId = branch.Id, RegionId = branch.RegionId, Number = number, Date = on,
            RuleSetVersion = "test", RecordedBy = "test", RecordedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private async Task AddRequestAsync(Organization org, DateOnly received, DateOnly? answered)
    {
        await using var db = _database.NewContext();
        var at = received.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        db.Add(new ServiceRequest
        {
            OrganizationId = org.Id, RegionId = org.RegionId, TrackingCode = Bastion.Requests.TrackingCode.New(), CategoryCode = "environment", Description = "路灯坏了",
            RuleSetVersion = "test", ReceivedAt = at, FirstResponseDueAt = at.AddDays(1), ResolutionDueAt = at.AddDays(7),
            Status = answered is null ? ServiceRequestStatus.InProgress : ServiceRequestStatus.Answered,
            AnsweredAt = answered?.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), UpdatedAt = at,
        });
        await db.SaveChangesAsync();
    }

    private async Task<Cascade> AddCascadeAsync()
    {
        await using var db = _database.NewContext();
        var cascade = new Cascade
        {
            IssuerOrganizationId = _root.Id, Subject = CascadeSubject.Directive, Title = TestData.Unique("部署"), DueOn = new(2026, 5, 31),
            Mode = TargetMode.Subtree, CreatedAt = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc), CreatedBy = "test",
        };
        db.Add(cascade);
        await db.SaveChangesAsync();
        return cascade;
    }

    private async Task AddTargetAsync(Cascade cascade, Organization org, DateOnly due, DateOnly? completed)
    {
        await using var db = _database.NewContext();
        db.Add(new CascadeTarget
        {
            CascadeId = cascade.Id, OrganizationId = org.Id, RegionId = org.RegionId, AssignedByOrganizationId = _root.Id, DueOn = due,
            State = completed is null ? TargetState.InProgress : TargetState.Completed, CompletedOn = completed, UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
