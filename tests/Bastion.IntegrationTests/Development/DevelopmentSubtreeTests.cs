using Bastion.Development;
using Bastion.IntegrationTests.Coverage;
using Bastion.IntegrationTests.Infrastructure;
using Bastion.Members;
using Bastion.Organizations;
using Bastion.Shared;
using static Bastion.IntegrationTests.Development.DevelopmentKit;

namespace Bastion.IntegrationTests.Development;

/// <summary>The upper level's subtree view: exact on a hand-built subtree, and a fixed number of statements whatever its size.</summary>
public sealed class DevelopmentSubtreeTests(BastionAppFixture app) : IClassFixture<BastionAppFixture>
{
    private static int s_sequence;

    private sealed record Tree(Organization County, Organization T1, Organization T2, Organization B1, Organization B2, Organization B3, Organization B4);

    private async Task<Tree> BuildAsync()
    {
        var db = app.Database;
        var root = await TestData.AddRootAsync(db);
        var county = await TestData.AddOrganizationAsync(db, root, OrganizationKind.Committee, TestData.Unique("县委"));
        var t1 = await TestData.AddOrganizationAsync(db, county, OrganizationKind.Committee, TestData.Unique("甲镇党委"));
        var t2 = await TestData.AddOrganizationAsync(db, county, OrganizationKind.Committee, TestData.Unique("乙镇党委"));
        var b1 = await TestData.AddOrganizationAsync(db, t1, OrganizationKind.Branch, TestData.Unique("一村"));
        var b2 = await TestData.AddOrganizationAsync(db, t1, OrganizationKind.Branch, TestData.Unique("二村"));
        var b3 = await TestData.AddOrganizationAsync(db, t2, OrganizationKind.Branch, TestData.Unique("三村"));
        var b4 = await TestData.AddOrganizationAsync(db, t2, OrganizationKind.Branch, TestData.Unique("四村"));
        await StructureTestData.AddMembersAsync(db, b1, 3);
        await StructureTestData.AddMembersAsync(db, b2, 2);
        await StructureTestData.AddMembersAsync(db, b3, 2);
        return new Tree(county, t1, t2, b1, b2, b3, b4);
    }

    /// <summary>A candidate written directly (hand-built), with the given steps (number, date) and events.</summary>
    private async Task AddCandidateAsync(Organization branch, int stage, int step, CandidateStatus status, DateOnly? dueOn,
        params (int Number, DateOnly Date, DevelopmentEventKind Kind)[] steps)
    {
        var pii = TestData.Pii(app.Database);
        var n = Interlocked.Increment(ref s_sequence);
        var residentId = Bastion.Members.ResidentId.Compose("620102", new DateOnly(1995, 1, 1).AddDays(n), n % 900);
        await using var db = app.Database.NewContext();
        var c = new Candidate
        {
            OrganizationId = branch.Id, RegionId = branch.RegionId, Name = TestData.Unique("候选人"), Gender = Gender.Male, BirthDate = new DateOnly(1995, 1, 1),
            ResidentIdCipher = pii.Encrypt(residentId), ResidentIdHash = pii.LookupHash(residentId), ResidentIdMasked = Bastion.Members.ResidentId.Mask(residentId),
            AppliedOn = steps.Length > 0 ? steps[0].Date : Today, CurrentStep = step, Stage = stage, Status = status, LastDate = Today,
            DueStep = dueOn is null ? null : step + 1, DueOn = dueOn, CreatedAt = Clock.UtcNow(TimeProvider.System),
        };
        db.Add(c);
        await db.SaveChangesAsync();
        foreach (var (number, date, kind) in steps)
            db.Add(new DevelopmentStep
            {
                CandidateId = c.Id, OrganizationId = branch.Id, RegionId = branch.RegionId, Number = number, Kind = kind, Date = date,
                RuleSetVersion = "development.national.2014", RecordedBy = "test", RecordedAt = Clock.UtcNow(TimeProvider.System),
            });
        await db.SaveChangesAsync();
    }

    private static (int, DateOnly, DevelopmentEventKind) S(int number, DateOnly date) => (number, date, DevelopmentEventKind.Step);

    [Fact]
    public async Task SubtreeView_OnAHandBuiltSubtree_CountsStagesLateWeakBranchesAndIntakeExactly()
    {
        var t = await BuildAsync();
        var year = Today.Year;
        var jan1 = new DateOnly(year, 1, 1);
        // B1: an applicant whose talk is overdue, an activist, one admitted this year, one who withdrew.
        await AddCandidateAsync(t.B1, 1, 1, CandidateStatus.Active, Today.AddDays(-3), S(1, Today.AddDays(-40)));
        await AddCandidateAsync(t.B1, 2, 3, CandidateStatus.Active, Today.AddMonths(2), S(1, Today.AddYears(-1).AddMonths(-2)), S(3, Today.AddYears(-1)));
        await AddCandidateAsync(t.B1, 4, 17, CandidateStatus.Admitted, Today.AddMonths(9), S(1, Today.AddYears(-3)), S(3, Today.AddYears(-3).AddMonths(1)), S(17, jan1));
        await AddCandidateAsync(t.B1, 1, 1, CandidateStatus.Withdrawn, null, S(1, Today.AddDays(-100)), (1, Today.AddDays(-50), DevelopmentEventKind.Withdrawn));
        // B2: members, never a candidate. B3: members, its last activist was admitted two and a half years ago. B4: no members.
        await AddCandidateAsync(t.B3, 5, 25, CandidateStatus.Converted, null, S(1, Today.AddYears(-5)), S(3, Today.AddYears(-4)), S(17, Today.AddMonths(-30)));
        await AddCandidateAsync(t.B3, 2, 3, CandidateStatus.Cancelled, null, S(1, Today.AddYears(-5)), S(3, Today.AddYears(-4)), (3, Today.AddYears(-3), DevelopmentEventKind.Cancelled));
        await using (var db = app.Database.NewContext())
        {
            await SetDevelopmentPlan.HandleAsync(db, t.County.Id, new SetDevelopmentPlan.Command { Year = year, Target = 5 });
            await SetDevelopmentPlan.HandleAsync(db, t.T1.Id, new SetDevelopmentPlan.Command { Year = year, Target = 3 });
        }

        var upper = await app.Factory.CreateApiClientAsync(await app.Factory.CreateUserAsync(Bastion.Identity.BastionRoles.OrganizationDepartment, t.County.Id));
        var view = await Http.GetJsonAsync(upper, $"/api/v1/organizations/{t.County.Id}/development?year={year}");
        Assert.Equal(new[] { 1, 1, 0, 1, 0 }, view.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("count").GetInt32()));
        Assert.Equal(1, view.GetProperty("lateCount").GetInt32());
        Assert.Equal(t.B1.Id, Assert.Single(view.GetProperty("late").EnumerateArray()).GetProperty("organizationId").GetInt64());
        Assert.Equal(2, view.GetProperty("weakBranchCount").GetInt32());
        Assert.Equal(new[] { t.B2.Id, t.B3.Id }.Order(), view.GetProperty("weakBranches").EnumerateArray().Select(w => w.GetProperty("id").GetInt64()).Order());
        Assert.Equal(5, view.GetProperty("plan").GetInt32());
        Assert.Equal(1, view.GetProperty("intake").GetInt32());
        var children = view.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("organizationId").GetInt64());
        Assert.Equal(2, children.Count);
        Assert.Equal(3, children[t.T1.Id].GetProperty("plan").GetInt32());
        Assert.Equal(1, children[t.T1.Id].GetProperty("intake").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, children[t.T2.Id].GetProperty("plan").ValueKind);
        Assert.Equal(0, children[t.T2.Id].GetProperty("intake").GetInt32());

        var t2 = await Http.GetJsonAsync(upper, $"/api/v1/organizations/{t.T2.Id}/development?year={year}");
        Assert.All(t2.GetProperty("stages").EnumerateArray(), s => Assert.Equal(0, s.GetProperty("count").GetInt32()));
        Assert.Equal(t.B3.Id, Assert.Single(t2.GetProperty("weakBranches").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(0, t2.GetProperty("intake").GetInt32());
    }

    [Fact]
    public async Task SubtreeView_UsesTheSameNumberOfStatements_WhateverTheSizeOfTheTree()
    {
        var t = await BuildAsync();
        await AddCandidateAsync(t.B1, 2, 3, CandidateStatus.Active, Today.AddDays(-1), S(1, Today.AddYears(-1)), S(3, Today.AddMonths(-6)));
        var counter = new StatementCounter();
        await using (var db = StructureTestData.CountingContext(app.Database, counter))
            Assert.NotNull(await DevelopmentQueries.SubtreeAsync(db, t.County.Id));
        var small = counter.Count;

        for (var i = 0; i < 6; i++)
        {
            var branch = await TestData.AddOrganizationAsync(app.Database, i % 2 == 0 ? t.T1 : t.T2, OrganizationKind.Branch);
            await StructureTestData.AddMembersAsync(app.Database, branch, 2);
            await AddCandidateAsync(branch, 1 + i % 5, 1 + i * 4, CandidateStatus.Active, Today.AddDays(i - 3), S(1, Today.AddYears(-2)), S(3, Today.AddYears(-1)));
        }
        counter.Reset();
        await using (var db = StructureTestData.CountingContext(app.Database, counter))
            Assert.NotNull(await DevelopmentQueries.SubtreeAsync(db, t.County.Id));
        Assert.Equal(small, counter.Count);
        Assert.True(small <= 10, $"{small} statements");

        counter.Reset();
        await using (var db = StructureTestData.CountingContext(app.Database, counter))
            Assert.NotEmpty(await DevelopmentQueries.BoardAsync(db, t.County.Id));
        Assert.Equal(2, counter.Count);
    }
}
